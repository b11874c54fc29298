"""Agenda templates: JSON files in ``assets/templates`` turned into records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.model import (
    SESSION_KINDS, WORKSHOP_ID, Group, Record, Session, WorkshopInfo, new_id,
)
from facilitator.paths import TEMPLATES_DIR

DEFAULT_TEMPLATE = "standard"


def template_names(folder: Path = TEMPLATES_DIR) -> list[str]:
    """Names of the templates shipped (``standard`` first)."""
    names = sorted(p.stem for p in folder.glob("*.json"))
    return sorted(names, key=lambda n: n != DEFAULT_TEMPLATE)


def read_template(name_or_path: str | Path, folder: Path = TEMPLATES_DIR) -> dict:
    """The template's data; a name of a shipped template or a path to a JSON file."""
    path = Path(name_or_path)
    if path.suffix != ".json":
        path = folder / f"{name_or_path}.json"
    if not path.exists():
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "No template named {name} (available: {names})."),
            name=name_or_path, names=", ".join(template_names(folder)))
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The template {name} cannot be read: {reason}"),
            name=path.name, reason=exc) from None


def records_from_template(data: dict, title: str | None = None,
                          on: date | None = None) -> list[Record]:
    """Records of a new workshop following ``data`` (workshop info, sessions, groups)."""
    info = dict(data.get("workshop", {}))
    if title:
        info["title"] = title
    info.setdefault("date", (on or date.today()).isoformat())
    records: list[Record] = [WorkshopInfo(id=WORKSHOP_ID, **info)]
    for order, s in enumerate(data.get("sessions", [])):
        kind = s.get("kind", "plenary")
        minutes = s.get("planned_minutes", 0)
        if kind not in SESSION_KINDS or not isinstance(minutes, int) or minutes <= 0:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The template's session {title} is not valid."),
                title=s.get("title", order + 1))
        session = Session(id=new_id(), title=s.get("title", ""), kind=kind, order=order,
                          planned_minutes=minutes, prompts=list(s.get("prompts", [])),
                          planned_start=s.get("planned_start"))
        records.append(session)
        for gorder, g in enumerate(s.get("groups", [])):
            records.append(Group(id=new_id(), session_id=session.id, name=g["name"],
                                 color=g.get("color", "#FFE066"),
                                 note_taker=g.get("note_taker", ""), order=gorder))
    return records
