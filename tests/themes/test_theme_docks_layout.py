"""The theme and voting docks stay readable at the narrow width of a dock."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from board_fixtures import group_board, qapp_font  # noqa: F401 (fixture)
from facilitator.themes.proposal import Proposal, ThemeProposal
from ui.themes.preview import ProposalPanel
from ui.themes.voting_panel import VotingPanel

DOCK_WIDTH = 320


def cell_shows(tree, item, column: int) -> bool:
    """The whole text of ``item``'s ``column`` fits in its cell, inside the viewport."""
    rect = tree.visualItemRect(item)
    left = tree.header().sectionViewportPosition(column)
    width = tree.header().sectionSize(column)
    if column == 0:  # the branch indentation comes off the first column
        depth, parent = 0, item.parent()
        while parent is not None:
            depth, parent = depth + 1, parent.parent()
        width -= tree.indentation() * (depth + int(tree.rootIsDecorated()))
    text = QFontMetrics(item.font(column)).horizontalAdvance(item.text(column))
    return rect.isValid() and text <= width - 6 and left + width <= tree.viewport().width()


def ranked_items(tree):
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        yield from (head.child(j) for j in range(head.childCount()))


def test_ranks_past_nine_and_dot_counts_are_not_cut(qtbot, qapp_font, ws):  # noqa: F811
    sid, gid = group_board(ws)
    ws.add(*[ws.new_note(f"付箋その{i}：地域の中小企業が主役になれる場をつくる", sid, gid,
                         x=i * 200, y=0, votes=1 + i % 3) for i in range(12)])
    panel = VotingPanel()
    qtbot.addWidget(panel)
    panel.resize(DOCK_WIDTH, 600)
    panel.show()
    panel.refresh(ws, sid, gid, False)
    qtbot.waitExposed(panel)
    rows = list(ranked_items(panel.ranking))
    assert [r.text(0) for r in rows][-1] == "12"
    for row in rows:
        assert cell_shows(panel.ranking, row, 0), row.text(0)
        assert cell_shows(panel.ranking, row, 2), row.text(2)


def test_proposal_list_shows_every_theme_label_and_its_note_count(qtbot, qapp_font):  # noqa: F811
    texts = [f"付箋{i}" for i in range(9)]
    themes = (ThemeProposal((0, 1, 2), "対等なパートナー", ("パートナー", "対等", "企業", "関係")),
              ThemeProposal((3, 4, 5), "スモールスタートの実行力", ("スモールスタート", "試作", "予算")),
              ThemeProposal((6, 7), "地域に開かれた場への期待", ("地域", "工場", "中学生")))
    proposal = Proposal(assignment=(0, 0, 0, 1, 1, 1, 2, 2, -1), themes=themes)
    panel = ProposalPanel()
    qtbot.addWidget(panel)
    panel.resize(DOCK_WIDTH, 600)
    panel.show()
    panel.show_proposal(proposal, texts)
    qtbot.waitExposed(panel)
    for j in range(len(themes)):
        item = panel.theme_item(j)
        assert cell_shows(panel.tree, item, 0), item.text(0)
        assert cell_shows(panel.tree, item, 2), item.text(2)
        assert item.toolTip(1) == "、".join(themes[j].keywords)  # elided key words in full
