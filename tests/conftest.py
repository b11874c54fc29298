"""Shared fixtures: a fresh workshop file made from the standard template."""

from __future__ import annotations

import pytest

from facilitator.templates import read_template, records_from_template
from facilitator.workshop import Workshop


@pytest.fixture
def ws_path(tmp_path):
    """Where the ``ws`` fixture's workshop file lives."""
    return tmp_path / "workshop.furikaeri"


@pytest.fixture
def ws(ws_path):
    """A fresh, writable workshop following the standard programme."""
    workshop = Workshop.create(ws_path, records_from_template(read_template("standard")))
    yield workshop
    workshop.close()
