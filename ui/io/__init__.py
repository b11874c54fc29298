"""Files out from the window: board pictures (PNG, SVG)."""
