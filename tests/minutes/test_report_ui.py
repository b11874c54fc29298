"""The window's minutes actions: PDFに保存, 印刷 with a preview, まとめを編集."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator.demo import create_demo
from facilitator.workshop.model import Session
from ui.main_window import MainWindow
from ui.minutes.summary_dialog import SummaryDialog


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    create_demo(tmp_path / "demo.furikaeri").close()
    win.open_path(tmp_path / "demo.furikaeri", raise_errors=True)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.report.builder is not None:
        win.report.builder.wait()
    win.close()


def file_menu_texts(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()[0].menu().actions()]


def test_the_file_menu_offers_print_save_and_edit(window):
    texts = file_menu_texts(window)
    report = window.report
    for act in (report.print_action, report.save_action, report.poster_action,
                report.edit_action):
        assert act.text() in texts and act.isEnabled()
    window.close_workshop()
    assert not report.save_action.isEnabled()


def test_save_as_pdf_builds_in_the_background_and_writes_the_file(window, qtbot, tmp_path,
                                                                 monkeypatch):
    out = tmp_path / "まとめ.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    window.report.save_action.trigger()
    # The action returns at once: the PDF is built on a worker thread.
    assert window.report.busy() and not out.exists()
    qtbot.waitUntil(lambda: out.exists(), timeout=60_000)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) > 5
    assert "LOCAL X STAGE" in reader.pages[0].extract_text()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_the_poster_is_saved_as_one_page(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "poster.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    window.report.poster_action.trigger()
    qtbot.waitUntil(lambda: out.exists(), timeout=60_000)
    assert len(pypdf.PdfReader(out).pages) == 1


def test_a_save_that_fails_says_why(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    target = tmp_path / "no such folder" / "x.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(target), ""))
    window.report.save_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert "does not exist" in shown[0] or "ありません" in shown[0]


def test_print_preview_is_built_without_blocking_the_window(window, qtbot):
    report = window.report
    report.print_action.trigger()
    assert report.busy()
    ticks = []
    # The event loop keeps running while the PDF is built.
    qtbot.waitUntil(lambda: ticks.append(1) or report.preview is not None, timeout=60_000)
    assert len(ticks) > 1
    preview = report.preview
    qtbot.waitUntil(preview.isVisible)
    assert report.pdf.pageCount() > 5
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == report.pdf.pageCount(), timeout=20_000)
    preview.close()


def test_summaries_are_prefilled_with_the_draft_and_saved_as_one_step(window, qtbot):
    ws = window.ws
    dialog = window.report.edit_summaries()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SummaryDialog)
    titles = [dialog.sessions.item(i).text() for i in range(dialog.sessions.count())]
    row = titles.index("グループディスカッション")
    dialog.sessions.setCurrentRow(row)
    assert "【つながりを求めて参加】" in dialog.editor.toPlainText()
    dialog.editor.setPlainText("動機は「つながり」と刺激。")
    dialog.accept()
    session = next(s for s in ws.sessions() if s.title == "グループディスカッション")
    assert session.summary == "動機は「つながり」と刺激。"
    # Sessions whose draft was left as it is keep following their notes.
    assert all(not s.summary for s in ws.all(Session) if s.id != session.id)
    ws.undo()
    assert ws.get(Session, session.id).summary == ""


def test_closing_the_window_while_building_waits_for_the_worker(window, qtbot):
    report = window.report
    report.print_action.trigger()
    builder = report.builder
    assert builder is not None and builder.isRunning()
    window.close()
    assert builder.isFinished()
