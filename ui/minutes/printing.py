"""Printing the minutes from the window: 印刷…, PDFに保存…, まとめを編集….

The content is gathered on the UI thread (plain immutable data, quick) and
the PDF is built by reportlab in a worker thread while a progress dialog
shows how far it is, so the window stays responsive.  Printing renders the
finished PDF's pages with QtPdf into the system's print preview, whose
print button opens the system print dialog.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer, QByteArray, QEvent, QIODevice, QObject, QRectF, QSize, Qt, QThread, Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from facilitator.errors import FurikaeriError
from facilitator.i18n import language
from ui.i18n import is_language_change

# reportlab, QtPdf, QtPrintSupport and the dialogs load on first use: the window opens as fast as before.
if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from facilitator.minutes import Options
    from facilitator.minutes.content import Minutes
    from ui.minutes.summary_dialog import SummaryDialog


class PdfBuilder(QThread):
    """Builds the minutes' PDF off the UI thread."""

    progressed = Signal(int)          # percent
    built = Signal(bytes)
    failed = Signal(str)

    def __init__(self, minutes: Minutes, options: Options, poster: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.options = options
        self.poster = poster

    def run(self) -> None:
        from facilitator.minutes import minutes_pdf, poster_pdf
        try:
            if self.poster:
                data = poster_pdf(self.minutes, self.options)
            else:
                data = minutes_pdf(self.minutes, self.options,
                                   progress=lambda f: self.progressed.emit(int(f * 100)))
        except FurikaeriError as exc:
            self.failed.emit(exc.text())
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.built.emit(data)


class ReportController(QObject):
    """The File menu's minutes actions of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.builder: PdfBuilder | None = None
        self.progress: QProgressDialog | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self.pdf: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.print_action = self._action(self.print_minutes, QKeySequence.StandardKey.Print)
        self.save_action = self._action(self.save_pdf)
        self.poster_action = self._action(self.save_poster)
        self.edit_action = self._action(self.edit_summaries)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.print_action.setText(self.tr("&Print the minutes…"))
        self.save_action.setText(self.tr("Save the minutes as &PDF…"))
        self.poster_action.setText(self.tr("Save the A3 &poster as PDF…"))
        self.edit_action.setText(self.tr("Edit the &summaries…"))

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event):
            self.retranslate()
        return super().event(event)

    def _action(self, slot, shortcut=None) -> QAction:
        act = QAction(self.window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        return act

    def install(self, window) -> None:
        """Put the actions into the File menu, before "Close workshop"."""
        actions = [self.print_action, self.save_action, self.poster_action, self.edit_action]
        menu = window.menuBar().actions()[0].menu()  # the File menu
        menu.insertActions(window.actions_.close_ws, actions)
        menu.insertSeparator(window.actions_.close_ws)
        for act in actions:
            window.addAction(act)
        window.actions_.workshop_actions += actions
        window.installEventFilter(self)
        for act in actions:
            act.setEnabled(window.ws is not None)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        # A window closing while a PDF is built waits for it: a running QThread
        # destroyed with its window would abort the app.
        if obj is self.window and event.type() == QEvent.Type.Close and self.busy():
            self.builder.wait()
        return False

    # -- building ------------------------------------------------------------------
    def build(self, on_built, options: Options | None = None, poster: bool = False) -> bool:
        """Build the PDF in a worker thread; ``on_built(data)`` runs on the UI thread."""
        from facilitator.minutes import Options, gather
        ws = self.window.ws
        if ws is None or self.busy():
            return False
        minutes = gather(ws)
        if options is None:
            options = (Options(paper="A3", landscape=True, lang=language()) if poster
                       else Options(lang=language()))
        self.builder = PdfBuilder(minutes, options, poster, self)
        self.progress = QProgressDialog(self.tr("Building the minutes…"), self.tr("Cancel"),
                                        0, 100, self.window)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setValue(0)
        builder = self.builder
        builder.progressed.connect(self.progress.setValue)
        builder.built.connect(lambda data: self._done(builder, on_built, data))
        builder.failed.connect(lambda text: self._done(builder, self._fail, text))
        builder.start()
        return True

    def busy(self) -> bool:
        return self.builder is not None and self.builder.isRunning()

    def _done(self, builder: PdfBuilder, then, value) -> None:
        cancelled = self.progress is not None and self.progress.wasCanceled()
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        builder.wait()
        if builder is self.builder:
            self.builder = None
        builder.deleteLater()
        if not cancelled:
            then(value)

    def _fail(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Furikaeri"), text)

    # -- save ----------------------------------------------------------------------
    def save_pdf(self) -> None:
        ws = self.window.ws
        if ws is None:
            return
        from PySide6.QtWidgets import QFileDialog  # here: not needed to show a board
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the minutes as PDF"),
            str(Path(ws.path).with_suffix(".pdf")), self.tr("PDF document (*.pdf)"))
        if path:
            self.build(lambda data: self._write(Path(path), data))

    def save_poster(self) -> None:
        ws = self.window.ws
        if ws is None:
            return
        from PySide6.QtWidgets import QFileDialog  # here: not needed to show a board
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the A3 poster as PDF"),
            str(Path(ws.path).with_name(Path(ws.path).stem + "-poster.pdf")),
            self.tr("PDF document (*.pdf)"))
        if path:
            self.build(lambda data: self._write(Path(path), data), poster=True)

    def _write(self, path: Path, data: bytes) -> None:
        from facilitator.io.exporters import write_bytes_atomic
        try:
            write_bytes_atomic(path, data)
        except FurikaeriError as exc:
            self._fail(exc.text())
        else:
            self.window.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 8000)

    # -- print ---------------------------------------------------------------------
    def print_minutes(self) -> None:
        self.build(self.show_preview)

    def show_preview(self, data: bytes) -> QPrintPreviewDialog:
        """The print preview of the built PDF (its print button asks the system)."""
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        # Kept on self: the dialog does not own its printer (a dropped one crashes it).
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(self.window.ws.info.title if self.window.ws else "minutes")
        self.preview = QPrintPreviewDialog(self.printer, self.window)
        self.preview.paintRequested.connect(self.paint_pages)
        self.preview.open()
        return self.preview

    def paint_pages(self, printer: QPrinter) -> None:
        """Draw every page of the PDF onto ``printer`` (scaled to its page)."""
        doc = self.pdf
        if doc is None or doc.pageCount() == 0:
            return
        painter = QPainter(printer)
        try:
            dpi = min(printer.resolution(), 300)
            for i in range(doc.pageCount()):
                if i:
                    printer.newPage()
                size = doc.pagePointSize(i)
                image = doc.render(i, QSize(round(size.width() * dpi / 72),
                                            round(size.height() * dpi / 72)))
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                painter.drawImage(QRectF((target.width() - w) / 2, (target.height() - h) / 2,
                                         w, h), image)
        finally:
            painter.end()

    # -- まとめ ---------------------------------------------------------------------
    def edit_summaries(self) -> SummaryDialog | None:
        from ui.minutes.summary_dialog import SummaryDialog
        ws = self.window.ws
        if ws is None:
            return None
        dialog = SummaryDialog(ws, self.window)
        dialog.open()
        return dialog
