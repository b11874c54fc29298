"""Opening and creating workshops: the start screen and recent files."""
