"""The minutes from the window: print, save as PDF, edit まとめ."""
