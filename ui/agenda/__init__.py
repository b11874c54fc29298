"""The agenda on screen: the agenda panel and editor, and the room clock (``clock/``)."""
