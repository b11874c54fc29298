"""File › Export…: the workshop as CSV (for Excel), Markdown or JSON, the board as PNG or SVG.

The files are written by the same functions as ``furikaeri export``
(:func:`facilitator.io.exporters.export_file`; the pictures by
:mod:`ui.io.images`), so the window's export and the CLI's are the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP

#: (format, file-dialog filter), the order the dialog offers them.
FORMATS = (
    ("csv", QT_TRANSLATE_NOOP("Export", "CSV for Excel (*.csv)")),
    ("md", QT_TRANSLATE_NOOP("Export", "Markdown (*.md)")),
    ("json", QT_TRANSLATE_NOOP("Export", "JSON, the whole workshop (*.json)")),
    ("png", QT_TRANSLATE_NOOP("Export", "PNG image of the board (*.png)")),
    ("svg", QT_TRANSLATE_NOOP("Export", "SVG drawing of the board (*.svg)")),
)
SETTING_FORMAT = "export/format"
# Characters no file name may hold on Windows, macOS or Linux.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _tr(text: str) -> str:
    """A filter of FORMATS in the chosen language (literal strings use translate)."""
    return QCoreApplication.translate("Export", text)


def default_name(ws, fmt: str) -> str:
    """The file name offered: the workshop's title (else its file's), made safe."""
    stem = _UNSAFE.sub("_", (ws.info.title or "").strip()).strip(" ._")
    return f"{stem or Path(ws.path).stem}.{fmt}"


def chosen_format(path: str, chosen_filter: str) -> tuple[str, Path]:
    """(format, path): the name's own known suffix wins, else the filter's (appended)."""
    out = Path(path)
    suffix = out.suffix.lower().lstrip(".")
    if suffix in dict(FORMATS):
        return suffix, out
    fmt = next((f for f, flt in FORMATS if _tr(flt) == chosen_filter), FORMATS[0][0])
    return fmt, out.with_name(f"{out.name}.{fmt}")


def write(window, fmt: str, out: Path) -> None:
    """Write the window's workshop (or, for a picture, its board in view) to ``out``."""
    ws = window.ws
    if fmt in ("png", "svg"):
        try:
            from ui.io.images import export_board_png, export_board_svg
        except ImportError:  # a build without QtSvg
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Image export is not available in this build.")) from None
        export = export_board_svg if fmt == "svg" else export_board_png
        export(ws, window.session_id, window.group_id, out)
    else:
        from facilitator.io.exporters import export_file
        export_file(ws, fmt, out)


def export_dialog(window) -> Path | None:
    """Ask where and as what, write it; a problem is told in a dialog. Returns the path."""
    ws = window.ws
    if ws is None:
        return None
    last = window.settings.value(SETTING_FORMAT, "csv")
    if last not in dict(FORMATS):
        last = "csv"
    filters = [_tr(flt) for _, flt in FORMATS]
    folder = Path(ws.path).parent
    path, chosen = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Export", "Export"), str(folder / default_name(ws, last)), ";;".join(filters),
        _tr(dict(FORMATS)[last]))
    if not path:
        return None
    fmt, out = chosen_format(path, chosen)
    try:
        write(window, fmt, out)
    except FurikaeriError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("Export", "Export"), exc.text())
        return None
    window.settings.setValue(SETTING_FORMAT, fmt)
    window.statusBar().showMessage(
        QCoreApplication.translate("Export", "Wrote {path}").format(path=out), 8000)
    return out
