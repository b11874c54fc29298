"""The window commands of ``furikaeri`` (``facilitator.cli.commands.GUI_RUNNER`` names ``run``).

``furikaeri`` (start screen), ``furikaeri open FILE``, ``furikaeri demo`` and
``furikaeri export FILE --format png|svg`` come here from
:mod:`facilitator.cli`.  With ``--screenshot PNG`` the window is rendered
once it has loaded, saved, and the app exits 0 (for automated checks).
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings, Qt, QTimer, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.cli.commands import EXIT_USAGE, build_parser
from facilitator.diagnostics import log, setup_logging
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.paths import ICONS_DIR
from ui.error_report import ErrorReporter
from ui.fonts import use_japanese_font
from ui.i18n import choose_language, install_translator
from ui.ime import keep_compositions

APP_NAME = "Furikaeri"
ORGANISATION = "Furikaeri"
SCREENSHOT_SIZE = (1280, 800)


def application() -> QApplication:
    """The QApplication, made once, with the app's name, font and high-DPI policy."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "furikaeri"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain("furikaeri.app")
    app.setDesktopFileName("furikaeri")
    app.setWindowIcon(QIcon(str(ICONS_DIR / "furikaeri.png")))
    use_japanese_font(app)
    keep_compositions(app)
    return app


def run(argv: list[str], args=None) -> int:
    """Run a window command (``args``: ``argv`` already parsed); returns the exit status."""
    if args is None:
        args = build_parser().parse_args(argv)
    app = application()
    setup_logging()  # done already by the command line; run() is also called directly
    log.info("Windows: Qt %s, PySide6 %s, platform %s", qVersion(), PySide6.__version__,
             QGuiApplication.platformName())
    settings = QSettings()
    install_translator(choose_language(args.lang, settings))
    reporter = ErrorReporter(app).install()
    try:
        return _run(app, args, settings)
    finally:
        reporter.uninstall()
        reporter.deleteLater()


def _run(app: QApplication, args, settings: QSettings) -> int:
    if args.command == "export":
        return _export(args)

    from ui.main_window import MainWindow  # after the translator: tr() at build time
    screenshot = getattr(args, "screenshot", None) or args.start_screenshot
    window = MainWindow(settings)
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    elif settings.value("geometry") is not None:
        window.restoreGeometry(settings.value("geometry"))
    try:
        if args.command == "open":
            window.open_path(args.file, raise_errors=True)
        elif args.command == "demo":
            window.open_demo(raise_errors=True, fresh=args.fresh)
    except FurikaeriError as exc:
        if screenshot:
            print(f"furikaeri: {exc.text()}", file=sys.stderr)
            window.close()
            return EXIT_USAGE
        QMessageBox.warning(window, window.tr("Furikaeri"), exc.text())
    window.show()
    status = {"code": 0}
    if screenshot:
        # Two turns of the event loop: the first show and the board's fit run first.
        QTimer.singleShot(0, lambda: QTimer.singleShot(
            0, lambda: _save_screenshot(window, Path(screenshot), app, status)))
    code = app.exec()
    if screenshot:
        window.close()
        return status["code"]
    return int(code)


def _save_screenshot(window, path: Path, app: QApplication, status: dict) -> None:
    if not window.grab().save(str(path)):
        print("furikaeri: " + FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Could not write the screenshot {path}."), path=path).text(),
            file=sys.stderr)
        status["code"] = EXIT_USAGE
    app.exit(0)


def _export(args) -> int:
    """``furikaeri export FILE --format png|svg -o OUT [--frame NAME] [--dpi N]``."""
    from facilitator.workshop import Workshop
    from ui.io.images import export_board_png, export_board_svg
    from ui.board.boards import board_to_export
    out = Path(args.output)
    with Workshop.open(args.file, readonly=True) as ws:
        session_id, group_id, frame_title = board_to_export(ws, args.frame)
        if args.format == "png":
            export_board_png(ws, session_id, group_id, out, dpi=args.dpi,
                             frame_title=frame_title)
        else:
            export_board_svg(ws, session_id, group_id, out, frame_title=frame_title)
    print(QApplication.translate("CLI", "Wrote {path}").format(path=out))
    return 0
