"""The ``furikaeri`` command (see :mod:`facilitator.cli.commands`)."""

from facilitator.cli.commands import main

__all__ = ["main"]
