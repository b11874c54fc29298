"""Qt's translator reading the one catalogue the core reads (``facilitator.i18n``).

The language can change while the app runs (表示 › 言語): :func:`install_translator`
swaps the translators, Qt sends every widget a ``LanguageChange`` event, and each
widget that set a text in its constructor sets it again in ``retranslate()``
(see :func:`is_language_change`).  Windows and dialogs opened later are simply
built in the new language.
"""

from __future__ import annotations

import os

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator,
)

from facilitator import i18n

SETTING_LANGUAGE = "language"

# Qt's own strings that its shipped Japanese catalogue (qtbase_ja.qm) lacks: Qt 6.11
# renamed the file dialog's labels (accelerators added) and the file icon provider's
# type names moved context.  Listed here so lupdate extracts them into our .ts, whose
# translator Qt asks first.
QT_STRINGS_LACKING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    # The print dialog's options (Print the minutes… › Print › Options).
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput",
                      "Specify pages or ranges separated by commas. Ranges are specified by two "
                      "numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."),
)


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
_system_locale: QLocale | None = None   # the default locale before we set one


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
    """Make ``lang`` the language of the windows and of the core's messages.

    Also while the app runs: every widget gets a ``LanguageChange`` event and
    retranslates itself.
    """
    global _installed
    app = QCoreApplication.instance()
    i18n.set_language(lang)
    uninstall_translator()
    _set_locale(lang)
    _install_qt_translator(app, lang)
    _installed = CatalogTranslator(lang, app)
    app.installTranslator(_installed)
    return _installed


def _set_locale(lang: str) -> None:
    """Dates and numbers Qt formats (the file dialog's dates, date fields) follow the language."""
    global _system_locale
    if _system_locale is None:
        _system_locale = QLocale()
    if lang == "ja":
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    elif _system_locale.language() == QLocale.Language.English:
        QLocale.setDefault(_system_locale)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


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
    if _system_locale is not None:
        QLocale.setDefault(_system_locale)


def is_language_change(event: QEvent) -> bool:
    """True for the event after which a widget sets its texts again.

    The pattern of every widget and controller that sets a text in its
    constructor::

        def changeEvent(self, event):          # a QObject that is no widget: event()
            if is_language_change(event):
                self.retranslate()
            super().changeEvent(event)
    """
    return event.type() == QEvent.Type.LanguageChange


def sentences(*parts: str) -> str:
    """Sentences run on: a space after an English full stop, none after a Japanese 。."""
    out = ""
    for part in parts:
        if part:
            out += part if not out or out.endswith(("。", "\n")) else " " + part
    return out
