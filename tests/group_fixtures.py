"""A standard workshop whose two groups finished their discussion (themes accepted).

Group A: two themes in frames (3 and 2 notes) and one note left outside any theme;
group B: one theme (2 notes) and its その他 (1 note).  The plenary board of
全体ディスカッション holds a heading of its own.
"""

from __future__ import annotations

from facilitator.workshop.model import Frame, Heading, Note, Theme
from facilitator.workshop import Workshop

GROUP_A = {
    "参加のきっかけ": ["地域の中小企業が主役になれる場", "「スモールスタート」で始めるのが大事",
                   "FactorISMのような工場見学は参加しやすい"],
    "継続の条件": ["継続には事務局の予算が必要", "若手社員の学びの場になる"],
    None: ["大企業は黒子に徹するべき"],
}
GROUP_B = {
    "期待すること": ["次回は学生も呼びたい", "成果を発表する場がほしい"],
    "その他": ["会場が駅から遠かった"],
}


def sessions(ws: Workshop):
    """(group session, plenary 全体ディスカッション) of the standard programme."""
    group_session = next(s for s in ws.sessions() if ws.groups_of(s.id))
    plenary = next(s for s in ws.sessions() if s.title == "全体ディスカッション")
    return group_session, plenary


def fill_groups(ws: Workshop) -> tuple[str, str]:
    """Both groups' boards as above; returns (group session id, plenary id)."""
    session, plenary = sessions(ws)
    records = []
    order = 0
    for group, spec in zip(ws.groups_of(session.id), (GROUP_A, GROUP_B)):
        x = 0.0
        for label, texts in spec.items():
            theme = None
            if label is not None:
                theme = Theme(id=f"t-{group.name}-{order}", session_id=session.id, label=label,
                              order=order, is_other=label == "その他", keywords=["仮"])
                order += 1
                records += [theme, Frame(id=f"f-{theme.id}", session_id=session.id,
                                         group_id=group.id, x=x, y=0, w=400,
                                         h=140 * len(texts), title=label, theme_id=theme.id)]
            for i, text in enumerate(texts):
                records.append(ws.new_note(text, session.id, group.id, author="佐藤",
                                           x=x + 16, y=40 + i * 130, color=group.color,
                                           theme_id=theme.id if theme else None))
            x += 480
    records.append(Heading(id="plenary-heading", session_id=plenary.id, x=0, y=0, w=600,
                           h=44, text="次回への期待", size=28))
    ws.add(*records, label="groups done")
    ws.history.undo_stack.clear()
    return session.id, plenary.id


def group_notes(ws: Workshop, session_id: str) -> list[Note]:
    return [n for n in ws.all(Note) if n.session_id == session_id]
