"""The minutes' chapters on people and outcomes: who took part, what was decided, who does what.

Participants are listed by organisation (those present), then the staff, then
those registered but marked absent (欠席), so the list is the attendance
record.  Decisions and action items are grouped by the session they came up
in, in agenda order, those of the workshop as a whole last, numbered through
so that 「宿題3」 means one item wherever it is cited.  ``story`` is the
:class:`~facilitator.minutes.sections.Story` being built (its styles, tables, headings).
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Spacer

from facilitator.i18n import QT_TRANSLATE_NOOP, format_date, translate
from facilitator.outcomes.items import by_session

ROLE_NAMES = {
    "organiser": QT_TRANSLATE_NOOP("Story", "Organiser"),
    "facilitator": QT_TRANSLATE_NOOP("Story", "Facilitator"),
    "note_taker": QT_TRANSLATE_NOOP("Story", "Note-taker"),
    "recorder": QT_TRANSLATE_NOOP("Story", "Graphic recorder"),
    "expert": QT_TRANSLATE_NOOP("Story", "Expert"),
    "participant": QT_TRANSLATE_NOOP("Story", "Participant"),
}


def role_name(role: str) -> str:
    return translate("Story", ROLE_NAMES.get(role, role))


def due_text(due: str) -> str:
    """A due date as printed: ``2026年12月1日（火）`` in Japanese, ``1 Dec 2026 (Tue)``
    in English (:func:`~facilitator.i18n.format_date`); words (「12月末」) as typed."""
    return format_date(due)


def participants(story) -> None:
    """Chapter: participants by organisation, the staff, and who was absent."""
    m, p = story.m, story.p
    story.out.append(story.numbered(translate("Story", "Participants")))
    if not (m.organisations or m.staff or m.note_takers or m.absent):
        story.out.append(p(translate("Story", "No participants were recorded."), "empty"))
        return
    rows = []
    for org, people in m.organisations:
        names = "、".join(x.name + (f"（{role_name(x.role)}）" if x.role == "expert" else "")
                         for x in people)
        rows.append((p(org or translate("Story", "(no organisation)"), "cell"),
                     p(names, "cell"), p(str(len(people)), "cell")))
    if rows:
        head = [translate("Story", "Organisation"), translate("Story", "Participants"),
                translate("Story", "People")]
        story.out.append(story.table([tuple(p(h, "cellhead") for h in head), *rows],
                                     [0.42, 0.46, 0.12]))
    staff = [(role_name(x.role), x.name + (f"（{x.organisation}）" if x.organisation else ""))
             for x in m.staff]
    staff += [(translate("Story", "Note-taker") + f"（{g.name}）", name)
              for g, name in m.note_takers
              if not any(s.name == name and s.role == "note_taker" for s in m.staff)]
    if staff:
        story.out += [p(translate("Story", "Organisers and staff"), "h3"),
                      story.table([(p(r, "cell"), p(n, "cell")) for r, n in staff],
                                  [0.3, 0.7], header=False)]
    if m.absent:
        names = "、".join(x.name + (f"（{x.organisation}）" if x.organisation else "")
                         for x in m.absent)
        title = translate("Story", "Absent ({count})").format(count=len(m.absent))
        story.out += [p(title, "h3"), p(names)]


def decisions(story) -> None:
    """Chapter: decisions and action items, grouped by the session they came up in."""
    m, p = story.m, story.p
    story.out.append(story.numbered(translate("Story", "Decisions and action items")))
    if not m.decisions and not m.actions:
        story.out += [p(translate("Story", "No decisions were recorded."), "empty"),
                      p(translate("Story", "No action items were recorded."), "empty")]
        return
    sessions = [part.session for part in m.sessions]
    decided = {s.id if s else None: items for s, items in by_session(sessions, m.decisions)}
    to_do = {s.id if s else None: items for s, items in by_session(sessions, m.actions)}
    order: list[str | None] = [s.id for s in sessions if s.id in decided or s.id in to_do]
    if None in decided or None in to_do:
        order.append(None)
    titles = {s.id: s.title for s in sessions}
    number_d = number_a = 0
    for sid in order:
        title = (titles[sid] if sid is not None
                 else translate("Story", "The workshop as a whole"))
        # A session's heading never ends a page without its first rows.
        story.out += [CondPageBreak(90), p(title, "h2")]
        if decided.get(sid):
            rows = [(p("#", "cellhead"), p(translate("Story", "Decision"), "cellhead"))]
            for d in decided[sid]:
                number_d += 1
                rows.append((p(str(number_d), "cell"), p(d.text, "cell")))
            story.out += [Spacer(1, 4), story.table(rows, [0.06, 0.94])]
        if to_do.get(sid):
            head = ("#", translate("Story", "Action item"), translate("Story", "Owner"),
                    translate("Story", "Due"), translate("Story", "Done"))
            rows = [tuple(p(h, "cellhead") for h in head)]
            for a in to_do[sid]:
                number_a += 1
                rows.append((p(str(number_a), "cell"), p(a.what, "cell"), p(a.owner, "cell"),
                             p(due_text(a.due), "cell"), p("✓" if a.done else "", "cell")))
            story.out += [Spacer(1, 8), story.table(rows, [0.06, 0.48, 0.17, 0.21, 0.08])]
