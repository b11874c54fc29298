"""The window's side of 参加受付 (issue 16): the door's panel, its menu, the GUI-thread bridge."""
