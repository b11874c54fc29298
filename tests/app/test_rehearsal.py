"""The rehearsal: a whole standard-programme day run through the real window, in fake time.

A facilitator makes a new workshop from the standard template, types its
details and pastes the participants, runs the clock through the five
sessions, two note-takers type groups A and B in the quick-entry bar (Tab
between them, ``@名前`` before each note), the group discussion runs over and
the banner's replan is accepted, themes are proposed and accepted in each
group, the plenary brings the groups in, takes more notes, votes, records
decisions and action items with their shortcuts, and the day ends with a
まとめ for every session and the minutes saved as a PDF.  Then everything
typed must be in that PDF, and its 予実 table must show plan, replan and actual.

Only the window is driven (menus, shortcuts, keys, dialogs' widgets); the
file dialogs are answered by patching them, as no test can click a native one.
"""

from __future__ import annotations

import re

import pypdf
import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt, QTime, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox,
)

from fake_time import FakeTime
from facilitator.workshop.model import ActionItem, Decision, Frame, Note, Participant, Theme
from keys import type_text
from rehearsal_day import (
    ACTIONS, DECISIONS, FINDINGS, GROUP_A, GROUP_B, NEXT_STEPS, ORGANISER, ORIENTATION, PLENARY,
    PURPOSE, RENAMED_THEME, ROSTER, SUMMARIES, TITLE, VENUE, WRAP_UP,
)
from report_helpers import flat
from ui.board.items import NoteItem
from ui.main_window import MainWindow
from ui.themes.groups_in import GroupsInDialog
from ui.minutes.summary_dialog import SummaryDialog
from ui.workshop.details_dialog import DetailsDialog

WAIT_MS = 60_000   # a proposal or the PDF on a loaded machine; the test takes far less


# -- the window ------------------------------------------------------------------------------
@pytest.fixture
def japanese(qapp):
    """The window and the minutes in Japanese, as the day is run."""
    from facilitator import i18n
    from ui.i18n import install_translator, uninstall_translator
    language = i18n.language()
    install_translator("ja")
    yield
    uninstall_translator()
    i18n.set_language(language)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, japanese):
    """The main window, on its start screen, its clock on fake time (the day, 13:30)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.fake = FakeTime()
    win.clock_ctl.clock, win.clock_ctl.wall = win.fake.clock, win.fake.wall
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    if win.report.builder is not None:
        win.report.builder.wait()
    win.close()


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the keyboard is (shortcuts reach the window from there)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def back_to_typing(qtbot, window) -> None:
    """Ctrl+E: the keyboard back in the quick-entry bar."""
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.entry.line.hasFocus()


def type_notes(qtbot, window, lines: list[str], minutes_each: float = 0.0) -> None:
    """Type each line in the quick-entry bar and press Enter; the clock moves on meanwhile."""
    for line in lines:
        type_text(qtbot, window.entry.line, line)
        qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)
        window.fake.advance(minutes=minutes_each)


def session_titled(window, title: str):
    return next(s for s in window.ws.sessions() if s.title == title)


# -- the day's steps -------------------------------------------------------------------------
def new_workshop(qtbot, window, tmp_path, monkeypatch):
    """File › New workshop… with the standard template, saved where the organiser says."""
    path = tmp_path / "LOCAL X STAGE 2026.furikaeri"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(path), ""))
    templates = window.start.templates
    templates.setCurrentIndex(next(i for i in range(templates.count())
                                   if str(templates.itemData(i)).endswith("standard.json")))
    window.actions_.new.trigger()
    assert window.ws is not None and window.ws.path == path
    return path


def enter_details(qtbot, window) -> None:
    """File › ワークショップ情報… (a modal dialog): its fields typed in, OK."""
    filled = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, DetailsDialog)
            dialog.title.selectAll()
            type_text(qtbot, dialog.title, TITLE)
            dialog.has_date.setChecked(True)
            dialog.date.setDate(QDate(2026, 11, 20))
            dialog.start.setTime(QTime(13, 30))
            dialog.end.setTime(QTime(17, 0))
            type_text(qtbot, dialog.venue, VENUE)
            type_text(qtbot, dialog.organiser, ORGANISER)
            dialog.purpose.selectAll()
            type_text(qtbot, dialog.purpose, PURPOSE)
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                             Qt.MouseButton.LeftButton)
            filled.append(dialog.result())
        finally:
            if dialog is not None and dialog.isVisible():   # never leave the test waiting
                dialog.reject()
    QTimer.singleShot(0, fill)
    window.details.details_action.trigger()                 # returns when the dialog closes
    assert filled == [QDialog.DialogCode.Accepted]
    assert window.ws.info.title == TITLE and TITLE in window.windowTitle()


def enter_participants(qtbot, window) -> None:
    """参加者…: the organiser's list pasted with Ctrl+V, then the dialog closed."""
    window.details.people_action.trigger()
    dialog = window.details.people_dialog
    qtbot.waitExposed(dialog)
    QGuiApplication.clipboard().setText(
        "氏名\t所属\t役割\t出欠\n" + "".join("\t".join(row) + "\n" for row in ROSTER))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(window.ws.all(Participant)) == len(ROSTER)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    back_to_typing(qtbot, window)


def propose_and_accept(qtbot, window, rename: str | None = None) -> None:
    """テーマを提案 (Ctrl+T) on the board in view, wait for the worker, maybe rename, 採用."""
    themes = window.themes
    before = len(window.ws.all(Theme))
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not themes.busy(), timeout=WAIT_MS)
    assert themes.proposal is not None and themes.proposal.themes
    if rename:  # the facilitator double-clicks the first theme's label and types a better one
        item = themes.panel.theme_item(0)
        themes.panel.tree.editItem(item, 0)
        tree = themes.panel.tree
        qtbot.waitUntil(lambda: tree.isAncestorOf(QApplication.focusWidget()))
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        type_text(qtbot, editor, rename)
        qtbot.keyClick(editor, Qt.Key.Key_Return)     # the view commits it queued
        qtbot.waitUntil(lambda: item.text(0) == rename)
    qtbot.mouseClick(themes.panel.accept_button, Qt.MouseButton.LeftButton)
    assert len(window.ws.all(Theme)) > before
    frames = window.ws.elements_on(window.session_id, window.group_id, [Frame])
    labels = {f.title for f in frames if f.theme_id}
    assert len(labels) >= 2 and (rename is None or rename in labels)
    back_to_typing(qtbot, window)


def bring_groups_into_plenary(qtbot, window, groups_session) -> None:
    """The groups' results taken onto the plenary's own board (issue 13, part C).

    The facilitator first looks at the groups side by side (the group session's
    own entry in the agenda), then, back on the plenary board, clicks 取り込む… on
    the bar that offers the groups' results and accepts the dialog: every group
    theme arrives as a frame 「グループA：表札」 with copies of its notes.
    """
    plenary_id = window.session_id
    agenda = window.agenda

    def entry(data):
        items = [agenda.topLevelItem(i) for i in range(agenda.topLevelItemCount())]
        items += [top.child(j) for top in items for j in range(top.childCount())]
        return next((it for it in items if it.data(0, Qt.ItemDataRole.UserRole) == data), None)

    # The group session's own entry shows its groups side by side.
    agenda.setCurrentItem(entry((groups_session.id, None, True)))
    assert window.all_groups and window.session_id == groups_session.id
    scene = window.board.board_scene()
    shown = {item.rid for item in scene.element_items() if isinstance(item, NoteItem)}
    group_notes = [n for n in window.ws.all(Note) if n.session_id == groups_session.id]
    assert {n.id for n in group_notes} <= shown
    agenda.setCurrentItem(entry((plenary_id, None, False)))   # back to the plenary's board
    assert window.session_id == plenary_id and not window.all_groups

    bar = window.groups_in.bar
    assert bar.isVisible()

    def accept():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GroupsInDialog):
            QTimer.singleShot(20, accept)
            return
        assert dialog.ok.isEnabled()
        dialog.ok.click()
    QTimer.singleShot(0, accept)
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    frames = [f.title for f in window.ws.elements_on(plenary_id, None, [Frame])]
    for group in window.ws.groups_of(groups_session.id):
        assert any(t.startswith(f"{group.name}：") for t in frames), (group.name, frames)
    copied = window.ws.elements_on(plenary_id, None, [Note])
    assert sorted((n.author, n.text) for n in copied) == sorted(
        (n.author, n.text) for n in group_notes)
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()  # the dialog has gone: the window has the keyboard again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    back_to_typing(qtbot, window)

def click_note(qtbot, window, note_id: str, button=Qt.MouseButton.LeftButton) -> None:
    item = window.board.board_scene().item_for(note_id)
    window.board.centerOn(item)
    point = window.board.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(window.board.viewport(), button, Qt.KeyboardModifier.NoModifier,
                     QPoint(point.x(), point.y()))


def set_spin(qtbot, spin, value: int) -> None:
    """A number typed into a spin box and Enter pressed."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == value


def vote(qtbot, window) -> dict[str, int]:
    """ドット投票: 2 dots each; five of those present vote, then two numbered voters."""
    themes = window.themes
    themes.voting_action.trigger()
    votes = themes.votes
    assert themes.votes_dock.isVisible()
    set_spin(qtbot, votes.dots, 2)
    set_spin(qtbot, votes.numbered, 2)      # two visitors from the press, not on the list
    names = [votes.voter.itemText(i) for i in range(votes.voter.count())]
    assert "吉田 恵" not in names and "高橋 誠一" in names and len(names) == 12 + 2
    plenary = [n for n in window.ws.all(Note) if n.session_id == window.session_id]
    by_text = {n.text: n.id for n in plenary}
    favourite = by_text["次回のイベントでは観光と産業の分科会を分けてはどうか"]
    second = by_text["大企業は資金だけでなく社員の時間を提供するスタンスが望ましい"]
    third = by_text["継続には事務局を担う人への報酬が必要だ"]
    clicks = [favourite, second, favourite, third, favourite, second, second, third,
              favourite, favourite]                     # five voters, two dots each
    for note_id in clicks:
        click_note(qtbot, window, note_id)
    for i in range(votes.voter.count()):               # the visitors vote at the end
        if votes.voter.itemText(i).startswith("投票者"):
            votes.voter.setCurrentIndex(i)
            click_note(qtbot, window, favourite)
            click_note(qtbot, window, third)
    counted = {nid: window.ws.get(Note, nid).votes for nid in (favourite, second, third)}
    assert counted == {favourite: 7, second: 3, third: 4}
    ranked = votes.ranking.topLevelItem(0)
    assert ranked.child(0).text(2) == "7"
    themes.voting_action.trigger()
    back_to_typing(qtbot, window)
    return counted


def capture_decision(qtbot, window, text: str) -> None:
    """決定事項: Ctrl+Shift+D over the board, the words, Enter."""
    press(qtbot, window, Qt.Key.Key_D,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    bar = window.outcomes.bar
    assert bar.isVisible() and bar.session.currentData() == window.session_id
    type_text(qtbot, bar.text, text)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert not bar.isVisible() and window.entry.line.hasFocus()


def capture_action(qtbot, window, what: str, owner: str, due: str) -> None:
    """宿題: Ctrl+Shift+A, what, the owner chosen from the participants, the due date, Enter."""
    press(qtbot, window, Qt.Key.Key_A,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    bar = window.outcomes.bar
    assert bar.isVisible() and bar.text.hasFocus()
    type_text(qtbot, bar.text, what)
    index = bar.owner.findText(owner)
    assert index >= 0                                   # the participants are offered
    bar.owner.setCurrentIndex(index)
    type_text(qtbot, bar.due, due)
    qtbot.keyClick(bar.due, Qt.Key.Key_Return)
    assert not bar.isVisible()


def write_summaries(qtbot, window) -> None:
    """まとめを編集…: a まとめ for every session, the key findings and the next steps."""
    window.report.edit_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SummaryDialog)
    qtbot.addWidget(dialog)
    titles = dialog.titles()
    assert set(SUMMARIES) <= set(titles) and "休憩" not in titles
    for title, text in [*SUMMARIES.items(), (titles[-2], FINDINGS), (titles[-1], NEXT_STEPS)]:
        dialog.choose(title)
        dialog.editor.setFocus()
        qtbot.keyClick(dialog.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, dialog.editor, text)
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.ws.info.findings == FINDINGS


def save_minutes(qtbot, window, tmp_path, monkeypatch):
    """PDFに保存…: the minutes written where the organiser says."""
    out = tmp_path / "議事録.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    window.report.save_action.trigger()
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    return out


# -- reading the minutes back ----------------------------------------------------------------
def minutes_text(pdf) -> str:
    """The PDF's text without white space, running headers and page numbers, so that
    a note broken over two lines or two pages reads whole again."""
    pages = [p.extract_text() or "" for p in pypdf.PdfReader(pdf).pages]
    header = flat(TITLE)
    out = []
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        if number > 1 and text.startswith(header):     # the running header: title, date
            text = re.sub(r"^\d{4}年\d{1,2}月\d{1,2}日（.）", "", text[len(header):])
        footer = f"{number}/{len(pages)}"
        out.append(text[:-len(footer)] if text.endswith(footer) else text)
    return "".join(out)


def author_and_text(line: str) -> tuple[str, str]:
    """A scripted line "@名前 text" as the note it makes: (author, text), the author
    being the registered name however the line spells it (「佐藤 美穂」「佐藤美穂」「佐藤」)."""
    for name, *_ in ROSTER:
        family = name.split()[0]
        for typed in (name, name.replace(" ", ""), family):
            if line.startswith(f"@{typed} "):
                return name, line[len(typed) + 2:]
    raise AssertionError(f"no participant named in {line!r}")


# -- the day -----------------------------------------------------------------------------------
def test_a_whole_day_run_from_the_window_ends_in_minutes_with_everything_typed(
        qtbot, window, tmp_path, monkeypatch):
    fake = window.fake
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: pytest.fail(f"warning shown: {text}"))
    # Before the day: the file, its details, its people.
    new_workshop(qtbot, window, tmp_path, monkeypatch)
    enter_details(qtbot, window)
    enter_participants(qtbot, window)
    assert window.entry.speaker.findText("高橋 誠一") >= 0
    ctl = window.clock_ctl

    # 13:30 オリエンテーション: F6 starts the day on time (no question asked).
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    press(qtbot, window, Qt.Key.Key_F6)
    assert ctl.rc.current_session().title == "オリエンテーション"
    type_notes(qtbot, window, ORIENTATION, minutes_each=6)
    fake.advance(minutes=2)                                   # 13:50

    # 13:50 グループディスカッション: the board follows the clock to group A.
    press(qtbot, window, Qt.Key.Key_F6)
    groups_session = session_titled(window, "グループディスカッション")
    group_a, group_b = window.ws.groups_of(groups_session.id)
    assert (window.session_id, window.group_id) == (groups_session.id, group_a.id)
    assert window.entry.target.text() == f"入力先：{group_a.name}"
    # The two note-takers share the bar: a few notes for A, Tab, a few for B, Tab …
    for start in range(0, len(GROUP_A), 4):
        type_notes(qtbot, window, GROUP_A[start:start + 4], minutes_each=1.5)
        qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)
        assert window.group_id == group_b.id and window.entry.target.text() == f"入力先：{group_b.name}"
        type_notes(qtbot, window, GROUP_B[start:start + 4], minutes_each=1.5)
        qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)
        assert window.group_id == group_a.id
    assert f"{fake.wall():%H:%M}" == "14:56"
    # Themes for each group's board (the proposal runs in a worker thread).
    propose_and_accept(qtbot, window, rename=RENAMED_THEME)
    fake.advance(minutes=3)
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)
    assert window.group_id == group_b.id
    propose_and_accept(qtbot, window)
    fake.advance(minutes=6)                                   # 15:05: five minutes over
    qtbot.waitUntil(ctl.banner.isVisible, timeout=5000)       # the clock's own tick sees it
    assert "5" in ctl.banner.label.text()
    qtbot.mouseClick(ctl.banner.accept_button, Qt.MouseButton.LeftButton)
    (replan,) = ctl.rc.day().replans
    assert f"{replan.at:%H:%M}" == "15:05" and not ctl.banner.isVisible()

    # 15:05 休憩, as replanned.
    press(qtbot, window, Qt.Key.Key_F6)
    assert ctl.rc.current_session().title == "休憩"
    fake.advance(minutes=session_titled(window, "休憩").planned_minutes)

    # 全体ディスカッション: the groups brought in, more notes, votes, decisions, action items.
    press(qtbot, window, Qt.Key.Key_F6)
    plenary = session_titled(window, "全体ディスカッション")
    assert window.session_id == plenary.id and window.entry.target.text() == f"入力先：{plenary.title}（全体ボード）"
    bring_groups_into_plenary(qtbot, window, groups_session)
    type_notes(qtbot, window, PLENARY, minutes_each=3)
    vote(qtbot, window)
    for text in DECISIONS["plenary"]:
        capture_decision(qtbot, window, text)
    for what, owner, due, _ in ACTIONS:
        capture_action(qtbot, window, what, owner, due)
    fake.advance(minutes=max(0, plenary.planned_minutes - 36))

    # ラップアップ・クロージング, then the day ends (F6 after the last session).
    press(qtbot, window, Qt.Key.Key_F6)
    wrap_up = session_titled(window, "ラップアップ・クロージング")
    assert window.session_id == wrap_up.id
    type_notes(qtbot, window, WRAP_UP, minutes_each=5)
    for text in DECISIONS["wrap_up"]:
        capture_decision(qtbot, window, text)
    fake.advance(minutes=wrap_up.planned_minutes - 15)
    press(qtbot, window, Qt.Key.Key_F6)
    assert ctl.rc.current_session() is None
    assert all(s.actual_start and s.actual_end for s in window.ws.sessions())

    # After the day: まとめ for every session, then the minutes.
    write_summaries(qtbot, window)
    pdf = save_minutes(qtbot, window, tmp_path, monkeypatch)

    # Everything typed is in the file …
    ws = window.ws
    script = ORIENTATION + GROUP_A + GROUP_B + PLENARY + WRAP_UP
    typed = sorted(author_and_text(line) for line in script)
    # … the groups' notes twice: on their boards and as the plenary's copies.
    copies = [author_and_text(line) for line in GROUP_A + GROUP_B]
    assert sorted((n.author, n.text) for n in ws.all(Note)) == sorted(typed + copies)
    assert [d.text for d in ws.all(Decision)] == DECISIONS["plenary"] + DECISIONS["wrap_up"]
    assert [(a.what, a.owner) for a in ws.all(ActionItem)] == [(w, o) for w, o, *_ in ACTIONS]

    # … and in the minutes: every note with its author, every field typed or chosen.
    text = minutes_text(pdf)
    missing = [note for author, note in typed if flat(f"{note} — {author}") not in text]
    assert not missing, f"notes missing from the minutes: {missing}"
    fields = [TITLE, VENUE, ORGANISER, PURPOSE, RENAMED_THEME, FINDINGS, NEXT_STEPS,
              *SUMMARIES.values(), *DECISIONS["plenary"], *DECISIONS["wrap_up"],
              *(name for name, *_ in ROSTER), *(org for _, org, *_ in ROSTER),
              *(f for w, o, _, d in ACTIONS for f in (w, o, d))]
    missing = [f for f in fields if flat(f) not in text]
    assert not missing, f"fields missing from the minutes: {missing}"
    assert "高橋誠一（有識者）" in text and "欠席（1名）吉田恵" in text
    assert "グループAより" in text and "グループBより" in text   # the plenary took them in
    assert flat("次回のイベントでは観光と産業の分科会を分けてはどうか — 加藤 翔・7票") in text
    assert "日付2026年11月20日（金）" in text
    # The plenary's votes went to notes in no theme: the notes are ranked, not その他.
    ranking = text[text.index("投票によるランキング"):]
    assert ranking.startswith("投票によるランキング順位付箋発言者票"
                              "1次回のイベントでは観光と産業の分科会を分けてはどうか加藤翔7")
    assert "その他" not in ranking[:ranking.index("■")]
    # The 予実 table: the plan the day began with, the replan, and what was held.
    programme = text[text.index("プログラム（予実）", text.index("プログラム（予実）") + 1):]
    for head in ("予定", "再計画", "実績", "差"):
        assert head in programme[:400]
    assert "グループディスカッション13:50–15:0070分" in programme   # as planned
    assert "13:50–15:0575分" in programme                            # as held: 5 over
    replanned = session_titled(window, "全体ディスカッション").planned_minutes
    assert replanned < 80
    assert f"全体ディスカッション15:10–16:3080分{replanned}分15:15–" in programme
    changes = "、".join(f"{t}{o}→{n}分" for _, t, o, n in replan.changes)
    assert f"全体ディスカッション80→{replanned}分" in changes
    assert flat(f"15:05 再計画：{changes}") in programme
    # The replan absorbed the over-run: the day ended when it was planned to.
    assert "実施13:30–17:00（予定の終了17:00に対して予定どおり）" in programme
