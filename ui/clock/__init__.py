"""The room clock: its face, windows, chime, agenda editor and the controller tying them to the window."""
