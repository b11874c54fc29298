"""Decisions and action items in the window: the capture bar, the panel, the menu."""
