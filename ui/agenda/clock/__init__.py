"""The room clock: its face, windows, chime, replanning banner and the controller tying them to the window."""
