"""Qt's translator reading the one catalogue the core reads (``facilitator.i18n``)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from facilitator import i18n

SETTING_LANGUAGE = "language"


class CatalogTranslator(QTranslator):
    """Translates ``tr()`` strings from ``assets/translations/furikaeri_<lang>.ts``.

    The ``.ts`` source is read directly (no compiled ``.qm`` to keep in step);
    unknown strings return None (a null QString; "" would be taken as an
    empty translation) so Qt shows the English source.
    """

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._catalog = i18n.load_catalog(lang)

    def translate(self, context, sourceText, disambiguation=None, n=-1):  # noqa: N802,N803
        return self._catalog.get((context, sourceText))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


_installed: CatalogTranslator | None = None
# Qt's own strings (the Cancel of a dialog, a line edit's Copy/Paste menu, the
# file and print dialogs) come from the .qm files PySide6 ships, not our catalogue.
_qt_installed: QTranslator | None = None


def choose_language(requested: str | None, settings: QSettings | None = None,
                    system: list[str] | None = None) -> str:
    """``--lang``, else ``FURIKAERI_LANG``, else the saved setting, else the system's
    language when it is English, else Japanese.

    ``system`` is the system's UI languages (``QLocale.system().uiLanguages()``).
    """
    lang = requested or os.environ.get("FURIKAERI_LANG")
    if not lang and settings is not None:
        lang = settings.value(SETTING_LANGUAGE) or None
    if lang not in i18n.LANGUAGES:
        if system is None:
            system = QLocale.system().uiLanguages()
        first = system[0].lower() if system else ""
        lang = "en" if first.startswith("en") else i18n.DEFAULT_LANGUAGE
    return lang


def install_translator(lang: str) -> CatalogTranslator:
    """Make ``lang`` the language of the windows and of the core's messages."""
    global _installed
    app = QCoreApplication.instance()
    i18n.set_language(lang)
    uninstall_translator()
    _install_qt_translator(app, lang)
    _installed = CatalogTranslator(lang, app)
    app.installTranslator(_installed)
    return _installed


def _install_qt_translator(app: QCoreApplication, lang: str) -> None:
    global _qt_installed
    if lang == "en":
        return  # Qt's sources are English
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", folder):  # missing in a trimmed build: English buttons
        app.installTranslator(qt)
        _qt_installed = qt


def uninstall_translator() -> None:
    """Back to the English sources (tests that ran the app put things back)."""
    global _installed, _qt_installed
    for translator in (_installed, _qt_installed):
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)
    _installed = _qt_installed = None


def sentences(*parts: str) -> str:
    """Sentences run on: a space after an English full stop, none after a Japanese 。."""
    out = ""
    for part in parts:
        if part:
            out += part if not out or out.endswith(("。", "\n")) else " " + part
    return out
