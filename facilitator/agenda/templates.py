"""Agenda templates: JSON files in ``assets/templates`` turned into records."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from facilitator.board.palette import group_colour
from facilitator.errors import FurikaeriError
from facilitator.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, language
from facilitator.io.json_input import bad_field, read_json
from facilitator.workshop.model import (
    SESSION_KINDS, WORKSHOP_ID, Group, Record, Session, WorkshopInfo, new_id,
)
from facilitator.paths import TEMPLATES_DIR

DEFAULT_TEMPLATE = "standard"


def template_names(folder: Path = TEMPLATES_DIR, user_folder: Path | None = None) -> list[str]:
    """Names of the templates shipped (``standard`` first), then the user's own."""
    names = sorted(p.stem for p in folder.glob("*.json"))
    names = sorted(names, key=lambda n: n != DEFAULT_TEMPLATE)
    if user_folder is not None and Path(user_folder).is_dir():
        names += sorted(p.stem for p in Path(user_folder).glob("*.json") if p.stem not in names)
    return names


def template_choices(folder: Path = TEMPLATES_DIR, user_folder: Path | None = None,
                     lang: str | None = None) -> list[tuple[str, str, str]]:
    """``(name, title, description)`` of every template as a list shows them.

    ``name`` is the id (:func:`read_template` takes it); an unreadable template
    is still listed, by its name.
    """
    out = []
    for name in template_names(folder, user_folder):
        try:
            data = read_template(name, folder, user_folder)
        except (FurikaeriError, OSError, ValueError):
            data = {}
        out.append((name, template_title(data, name, lang), template_description(data, lang)))
    return out


def template_title(data: dict, name: str, lang: str | None = None) -> str:
    """The name a user sees of the template ``name`` (the file's stem, its id).

    A shipped template gives ``"title": {"ja": "標準", "en": "Standard"}``; a
    user's own is shown by the name it was saved under.
    """
    return localized(data.get("title"), lang) or name


def template_description(data: dict, lang: str | None = None) -> str:
    """The template's one-line description in ``lang`` ("" if it has none)."""
    return localized(data.get("description"), lang)


def localized(value, lang: str | None = None) -> str:
    """``value`` when a plain string, else its entry for ``lang`` (or Japanese, or any)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict) or not value:
        return ""
    lang = lang or language()
    text = value.get(lang) or value.get(DEFAULT_LANGUAGE) or next(iter(value.values()))
    return text if isinstance(text, str) else ""


def template_path(name: str, folder: Path = TEMPLATES_DIR,
                  user_folder: Path | None = None) -> Path:
    """Where the template ``name`` lives (shipped first, then the user's folder)."""
    shipped = folder / f"{name}.json"
    if shipped.exists() or user_folder is None:
        return shipped
    return Path(user_folder) / f"{name}.json"


def read_template(name_or_path: str | Path, folder: Path = TEMPLATES_DIR,
                  user_folder: Path | None = None) -> dict:
    """The template's data; a name of a shipped or user template, or a path to a JSON file."""
    path = Path(name_or_path)
    if path.suffix != ".json":
        path = template_path(str(name_or_path), folder, user_folder)
    if not path.exists():
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "No template named {name} (available: {names})."),
            name=name_or_path, names=", ".join(template_names(folder, user_folder)))
    data = read_json(path)
    if not isinstance(data, dict):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not an agenda template."), name=path.name)
    return data


def records_from_template(data: dict, title: str | None = None,
                          on: date | None = None) -> list[Record]:
    """Records of a new workshop following ``data`` (workshop info, sessions, groups)."""
    try:
        records = _records(data, title, on)
    except (AttributeError, TypeError, KeyError, ValueError) as exc:  # a hand-made file
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The template is not valid ({reason})."), reason=exc) from None
    for rec in records:
        name = bad_field(rec)
        if name is not None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The template is not valid ({reason})."),
                reason=f"{rec.TABLE}.{name}")
    return records


def _records(data: dict, title: str | None, on: date | None) -> list[Record]:
    info = dict(data.get("workshop", {}))
    if title:
        info["title"] = title
    info.setdefault("date", (on or date.today()).isoformat())
    records: list[Record] = [WorkshopInfo(id=WORKSHOP_ID, **info)]
    for order, s in enumerate(data.get("sessions", [])):
        kind = s.get("kind", "plenary")
        minutes = s.get("planned_minutes", 0)
        if kind not in SESSION_KINDS or not isinstance(minutes, int) or not 0 < minutes <= 24 * 60:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The template's session {title} is not valid."),
                title=s.get("title", order + 1))
        session = Session(id=new_id(), title=s.get("title", ""), kind=kind, order=order,
                          planned_minutes=minutes, prompts=list(s.get("prompts", [])),
                          planned_start=s.get("planned_start"))
        records.append(session)
        for gorder, g in enumerate(s.get("groups", [])):
            records.append(Group(id=new_id(), session_id=session.id, name=g["name"],
                                 color=g.get("color", group_colour(gorder)),
                                 note_taker=g.get("note_taker", ""), order=gorder))
    return records


def agenda_as_template(info: WorkshopInfo, sessions: list[Session], groups: list[Group],
                       name: str, description: str = "") -> dict:
    """Template data for a workshop's agenda (its times, sessions, prompts and groups).

    What happened on the day (actual times, notes, participants) is left out:
    a template is the plan only.
    """
    by_session: dict[str, list[Group]] = {}
    for g in sorted(groups, key=lambda g: (g.order, g.id)):
        by_session.setdefault(g.session_id, []).append(g)
    out_sessions = []
    for s in sorted(sessions, key=lambda s: s.order):
        entry: dict = {"title": s.title, "kind": s.kind, "planned_minutes": s.planned_minutes,
                       "prompts": list(s.prompts)}
        if s.planned_start:
            entry["planned_start"] = s.planned_start
        if by_session.get(s.id):
            entry["groups"] = [{"name": g.name, "color": g.color, "note_taker": g.note_taker}
                               for g in by_session[s.id]]
        out_sessions.append(entry)
    workshop = {"title": info.title, "start_time": info.start_time, "end_time": info.end_time}
    if info.purpose:
        workshop["purpose"] = info.purpose
    return {"name": name, "description": description, "workshop": workshop,
            "sessions": out_sessions}


_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def save_template(data: dict, user_folder: Path, folder: Path = TEMPLATES_DIR) -> Path:
    """Write template ``data`` as ``<user_folder>/<data["name"]>.json`` (atomically).

    The name must be a usable file name and not one of the shipped templates'.
    """
    name = str(data.get("name", "")).strip()
    if not name:
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "A template needs a name."))
    if _BAD_NAME.search(name) or name.startswith("."):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} cannot be a template name: leave out / \\ : * ? \" < > |."),
            name=name)
    if (folder / f"{name}.json").exists():
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "A shipped template is already named {name}; choose another name."),
            name=name)
    records_from_template(data)  # refuses a template that could not make a workshop
    user_folder = Path(user_folder)
    try:
        user_folder.mkdir(parents=True, exist_ok=True)
        path = user_folder / f"{name}.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The template cannot be written to {folder}: {reason}"),
            folder=user_folder, reason=exc.strerror or exc) from None
    return path
