"""The room joins in (issue 16): devices on the local network type into the workshop.

``room`` holds the rules as changes of the workshop (the door, modes, notes
from devices, revealing them); ``api`` answers the page's requests with plain
data; ``server`` is the aiohttp web server that carries them over HTTP.  The
workshop file stays the only truth: every note from the network is one
``Workshop.apply`` on the thread that owns the workshop.
"""
