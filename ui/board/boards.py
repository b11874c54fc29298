"""Which board to show or export: a session's, a group's, or one frame of one."""

from __future__ import annotations

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import KIND_BREAK, Frame, Group, Note, Session
from facilitator.workshop import Workshop


def initial_board(ws: Workshop) -> tuple[str | None, str | None, bool]:
    """Where to start: the running session, else the latest with notes, else the first.

    A session of several groups opens on its groups side by side; the group
    given is where typed notes go (the first with notes).
    """
    sessions = ws.sessions()
    if not sessions:
        return None, None, False
    running = [s for s in sessions if s.actual_start and not s.actual_end]
    with_notes = [s for s in sessions if any(
        ws.elements_on(s.id, gid, [Note]) for gid in board_groups(ws, s.id))]
    if running or with_notes:
        chosen = (running or with_notes)[-1]
    else:
        chosen = next((s for s in sessions if s.kind != KIND_BREAK), sessions[0])
    boards = board_groups(ws, chosen.id)
    group = next((gid for gid in boards if ws.elements_on(chosen.id, gid, [Note])), boards[0])
    return chosen.id, group, len(boards) > 1


def session_board(ws: Workshop, session_id: str) -> tuple[str, str | None, bool]:
    """What a session's own entry in the agenda shows: its groups side by side
    (several), its one group's board, or its plenary board."""
    boards = board_groups(ws, session_id)
    return session_id, boards[0], len(boards) > 1


def board_groups(ws: Workshop, session_id: str) -> list[str | None]:
    """The group boards of a session, or its one plenary board (None)."""
    return [g.id for g in ws.groups_of(session_id)] or [None]


def board_to_export(ws, name: str | None) -> tuple[str, str | None, str | None]:
    """(session, group, frame title) that ``--frame NAME`` picks.

    NAME may be a session's title (its plenary board), a group's name (its
    board) or a frame's title (that frame, on whichever board holds it);
    without a NAME, the board the window would open on.
    """
    if name is None:
        session_id, group_id, _ = initial_board(ws)
        if session_id is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The workshop has no session, so no board to export."))
        return session_id, group_id, None
    for session in ws.all(Session):
        if session.title == name:
            return session.id, None, None
    for group in ws.all(Group):
        if group.name == name:
            return group.session_id, group.id, None
    for frame in ws.all(Frame):
        if frame.title == name and frame.session_id is not None:
            return frame.session_id, frame.group_id, name
    raise FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "No session, group or frame is named {name}."), name=name)
