"""The participants' roles as the window names them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.i18n import QT_TRANSLATE_NOOP

ROLE_LABELS = {
    "participant": QT_TRANSLATE_NOOP("Roles", "Participant"),
    "facilitator": QT_TRANSLATE_NOOP("Roles", "Facilitator"),
    "note_taker": QT_TRANSLATE_NOOP("Roles", "Note-taker"),
    "expert": QT_TRANSLATE_NOOP("Roles", "Expert"),
    "recorder": QT_TRANSLATE_NOOP("Roles", "Graphic recorder"),
    "organiser": QT_TRANSLATE_NOOP("Roles", "Organiser"),
}


def role_label(role: str) -> str:
    """A role's name in the chosen language (``note_taker`` -> 書記)."""
    return QCoreApplication.translate("Roles", ROLE_LABELS.get(role, role))
