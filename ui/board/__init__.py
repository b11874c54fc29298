"""The graphic-recording board: a QGraphicsView/QGraphicsScene drawing the core's records."""
