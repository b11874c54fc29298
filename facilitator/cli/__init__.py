"""The ``furikaeri`` command (see :mod:`facilitator.cli.main`)."""

from facilitator.cli.main import main

__all__ = ["main"]
