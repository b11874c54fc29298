"""テーマを提案 in the window: worker thread, preview, accept / discard, merge, dot voting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.workshop.model import Frame, Note, Participant, Theme
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.themes.voting import remaining
from facilitator.workshop import Workshop
from ui.board.items import NoteItem
from ui.main_window import MainWindow

BUDGET = ["予算が足りず費用を削りたい", "コストが高く予算を見直す必要がある", "費用対効果を考えて予算を配分する",
          "予算の執行が遅れコストが膨らんだ"]
HIRING = ["若手人材の採用が難しい", "採用活動で若手の応募が少ない", "人材育成と若手の採用を強化したい",
          "新卒採用で人材が集まらない"]
REGION = ["地域の自治体と行政の連携が弱い", "自治体の行政手続きが地域で煩雑", "行政と地域住民と自治体の協働",
          "地域の自治体職員と行政の役割分担"]
WAIT_MS = 60_000   # the first proposal of a process loads the models


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def _make(path, texts, participants=()):
    records = records_from_template(read_template("standard"))
    ws = Workshop.create(path, records)
    sid = ws.sessions()[0].id
    ws.add(*[ws.new_note(t, sid, x=(i % 6) * 176.0, y=(i // 6) * 116.0, z=float(i + 1),
                         author="山田") for i, t in enumerate(texts)],
           *participants)
    ws.close()
    return sid


@pytest.fixture
def window(qtbot, tmp_path, ws_path):
    def open_with(texts, participants=()):
        sid = _make(ws_path, texts, participants)
        win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        assert win.open_path(ws_path)
        win.choose_board(sid, None, False)
        return win
    yield open_with


def _propose(qtbot, win):
    win.themes.propose_action.trigger()
    assert win.themes.busy() or win.themes.proposal is not None
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    assert win.themes.proposal is not None


def test_propose_preview_and_accept(qtbot, window, ws_path):
    win = window(BUDGET + HIRING + REGION)
    _propose(qtbot, win)
    themes = win.themes.proposal.themes
    assert len(themes) == 3
    assert win.themes.panel.tree.topLevelItemCount() >= 3
    assert len(win.themes.overlays) == 12          # one outline per note
    item = win.themes.panel.theme_item(0)
    item.setText(0, "お金の話")                   # the facilitator renames in the preview
    qtbot.mouseClick(win.themes.panel.accept_button, Qt.MouseButton.LeftButton)
    assert win.themes.overlays == []
    frames = [it for it in win.board.board_scene().element_items() if type(it).__name__ == "FrameItem"]
    assert len(frames) == 3
    win.close()
    with Workshop.open(ws_path) as ws:
        labels = {t.label for t in ws.all(Theme)}
        assert "お金の話" in labels and len(ws.all(Frame)) == 3
        assert all(n.theme_id for n in ws.all(Note))


def test_discard_leaves_the_file_unchanged(qtbot, window, ws_path):
    win = window(BUDGET + HIRING)
    before = ws_path.read_bytes()
    _propose(qtbot, win)
    qtbot.mouseClick(win.themes.panel.discard_button, Qt.MouseButton.LeftButton)
    assert win.themes.overlays == [] and not win.themes.panel.accept_button.isEnabled()
    assert win.ws.history.can_undo() is False
    win.close()
    with Workshop.open(ws_path) as ws:
        assert ws.all(Theme) == [] and ws.all(Frame) == []
    assert ws_path.read_bytes() == before


def test_undo_takes_an_accepted_proposal_back_in_one_step(qtbot, window):
    win = window(BUDGET + HIRING)
    positions = {n.id: (n.x, n.y) for n in win.ws.all(Note)}
    _propose(qtbot, win)
    win.themes.accept()
    win.undo()
    assert win.ws.all(Theme) == [] and {n.id: (n.x, n.y) for n in win.ws.all(Note)} == positions


def test_reproposal_places_only_new_notes(qtbot, window):
    win = window(BUDGET + HIRING)
    _propose(qtbot, win)
    win.themes.accept()
    themes = {n.id: n.theme_id for n in win.ws.all(Note)}
    win.add_note("予算の配分を早めに決める", "佐藤")
    _propose(qtbot, win)
    assert win.themes.given.remaining == 1
    win.themes.accept()
    assert all(win.ws.get(Note, nid).theme_id == tid for nid, tid in themes.items())


def test_merge_button_merges_near_duplicates(qtbot, window):
    win = window(BUDGET + ["予算が足りず費用を削りたい。"])
    _propose(qtbot, win)
    assert win.themes.proposal.duplicates
    row = win.themes.panel.duplicates.itemWidget(win.themes.panel.duplicates.item(0))
    from PySide6.QtWidgets import QPushButton
    qtbot.mouseClick(row.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert win.ws.count(Note) == len(BUDGET)
    assert any(n.author == "山田" for n in win.ws.all(Note))
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)   # proposed again


@pytest.mark.parametrize("texts", [[], ["ひとつだけ"], ["🎉🎉", "👍"], ["Hello world", "Thanks"]])
def test_odd_boards_give_a_proposal_or_a_message(qtbot, window, messages, texts):
    win = window(texts)
    win.themes.propose_action.trigger()
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    if not texts:
        assert messages and win.themes.proposal is None
    else:
        assert not messages and win.themes.proposal is not None


@pytest.mark.parametrize("texts", [["あ" * 5000, "予算の話", "採用の話"], ["同じ付箋"] * 2000])
def test_huge_notes_and_many_identical_notes_are_accepted(qtbot, window, messages, texts):
    win = window(texts)
    _propose(qtbot, win)
    assert win.themes.accept() and not messages
    notes = win.ws.all(Note)
    assert len(notes) == len(texts) and all(n.theme_id for n in notes)
    assert win.themes.panel.duplicates.count() <= 200


def test_propose_when_every_note_has_a_theme_says_so(qtbot, window, messages):
    win = window(BUDGET)
    _propose(qtbot, win)
    win.themes.accept()
    win.themes.propose_action.trigger()
    assert messages and not win.themes.busy()


def _click_note(qtbot, win, note_id, button=Qt.MouseButton.LeftButton, mods=Qt.KeyboardModifier.NoModifier):
    item = win.board.board_scene().item_for(note_id)
    assert isinstance(item, NoteItem)
    win.board.centerOn(item)
    point = win.board.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(win.board.viewport(), button, mods, QPoint(point.x(), point.y()))


def test_dot_voting_by_clicks_respects_the_dots(qtbot, window, messages):
    win = window(BUDGET, [Participant(id="p1", name="山田"), Participant(id="p2", name="佐藤")])
    notes = win.ws.all(Note)
    win.themes.voting_action.trigger()
    assert win.themes.votes_dock.isVisible()
    win.themes.votes.dots.setValue(2)
    win.themes.votes.dots.editingFinished.emit()
    for _ in range(2):
        _click_note(qtbot, win, notes[0].id)
    sid = win.session_id
    assert win.ws.get(Note, notes[0].id).votes == 2 and remaining(win.ws, sid, "p1") == 0
    # Dots used up: the next voter's turn, said in the status bar.
    assert win.themes.votes.voter_id() == "p2"
    assert "佐藤" in win.statusBar().currentMessage()
    win.themes.votes.voter.setCurrentIndex(0)    # back to 山田, who has none left
    assert "0" in win.themes.votes.left.text()
    _click_note(qtbot, win, notes[0].id)
    assert win.ws.get(Note, notes[0].id).votes == 2
    _click_note(qtbot, win, notes[0].id, Qt.MouseButton.RightButton)
    assert win.ws.get(Note, notes[0].id).votes == 1
    win.themes.votes.voter.setCurrentIndex(1)
    _click_note(qtbot, win, notes[1].id)
    _click_note(qtbot, win, notes[1].id, mods=Qt.KeyboardModifier.ShiftModifier)
    _click_note(qtbot, win, notes[1].id)
    assert win.ws.get(Note, notes[1].id).votes == 1 and remaining(win.ws, sid, "p2") == 1
    notes_ranked = win.themes.votes.ranking.topLevelItem(0)
    assert notes_ranked.childCount() == 2 and notes_ranked.child(0).text(2) == "1"
    win.themes.voting_action.trigger()           # voting off: clicks select again
    _click_note(qtbot, win, notes[2].id)
    assert win.ws.get(Note, notes[2].id).votes == 0


def test_a_room_without_registered_participants_votes_with_numbered_voters(
        qtbot, window, messages):
    from facilitator.i18n import translate
    win = window(BUDGET)
    notes = win.ws.all(Note)
    win.themes.voting_action.trigger()
    assert win.themes.voting_action.isChecked() and messages == []
    votes = win.themes.votes
    names = [votes.voter.itemText(i) for i in range(votes.voter.count())]
    assert names[0] == translate("Voting", "Voter {number}").format(number=1)
    assert len(names) == votes.numbered.value() == 10
    votes.numbered.setValue(3)                    # the facilitator counts the room
    votes.numbered.editingFinished.emit()
    assert votes.voter.count() == 3
    votes.dots.setValue(1)
    votes.dots.editingFinished.emit()
    _click_note(qtbot, win, notes[0].id)          # 投票者1
    assert votes.voter.currentIndex() == 1        # 投票者2's turn
    _click_note(qtbot, win, notes[0].id)
    _click_note(qtbot, win, notes[1].id)          # 投票者3
    assert "" != win.statusBar().currentMessage()
    assert [win.ws.get(Note, n.id).votes for n in notes[:2]] == [2, 1]
    ranked = votes.ranking.topLevelItem(0)
    assert ranked.child(0).text(2) == "2" and ranked.child(1).text(2) == "1"
    _click_note(qtbot, win, notes[2].id)          # everyone has voted: refused, told
    assert win.ws.get(Note, notes[2].id).votes == 0
