"""Furikaeri's domain core: the workshop model, its file, its changes. No Qt here."""

__version__ = "0.1.0"
