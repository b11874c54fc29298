"""Themes in the window: the proposal worker and preview panel, dot voting."""
