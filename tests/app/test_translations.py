"""Japanese is the default language: every string of the code has its Japanese."""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.errors import FurikaeriError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[tuple[str, str]]:
    """(context, source) of every string the code marks, freshly extracted."""
    if not (Path(sys.executable).parent / "pyside6-lupdate").exists():
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path_factory.mktemp("ts") / "fresh.ts"
    translations.extract(ts)
    root = ET.parse(ts).getroot()
    return [(c.findtext("name"), m.findtext("source"))
            for c in root.iter("context") for m in c.iter("message")]


def test_the_code_marks_strings_for_translation(extracted):
    contexts = {c for c, _ in extracted}
    assert {"Errors", "CLI"} <= contexts
    assert len(extracted) > 30


def test_every_string_has_its_japanese(extracted):
    catalog = i18n.load_catalog("ja")
    lacking = [f"{c}|{s}" for c, s in extracted if (c, s) not in catalog]
    assert not lacking, "run scripts/translations.py update and translate:\n" + "\n".join(lacking)


def test_translations_keep_their_placeholders():
    for (ctx, source), text in i18n.load_catalog("ja").items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (ctx, source)


@pytest.mark.parametrize("lang, expected", [("ja", "ファイルがありません"), ("en", "No such file")])
def test_core_errors_speak_the_chosen_language(lang, expected):
    err = FurikaeriError(i18n.QT_TRANSLATE_NOOP("Errors", "No such file: {path}"), path="x.furikaeri")
    assert expected in err.text(lang)
    assert "x.furikaeri" in err.text(lang)


def test_cli_speaks_japanese_by_default_and_english_on_request(tmp_path, capsys):
    from facilitator.cli import main
    missing = tmp_path / "無い.furikaeri"
    assert main(["info", str(missing)]) == 2
    ja = capsys.readouterr().err
    assert main(["--lang", "en", "info", str(missing)]) == 2
    en = capsys.readouterr().err
    assert "ファイルがありません" in ja and "No such file" in en
    assert len(ja.strip().splitlines()) == 1 and len(en.strip().splitlines()) == 1
    i18n.set_language("ja")


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="ja_JP"><context><name>Ctx</name>
<message><source>Saved</source><translation>{text}</translation></message>
</context></TS>
"""


def test_catalogue_cache_follows_the_translation_file(tmp_path, monkeypatch):
    ts = tmp_path / "furikaeri_xx.ts"
    monkeypatch.setattr(i18n, "ts_path", lambda lang: ts)
    ts.write_text(TS.format(text="保存済み"), encoding="utf-8")
    i18n.load_catalog.cache_clear()
    assert i18n.load_catalog("xx") == {("Ctx", "Saved"): "保存済み"}
    i18n.load_catalog.cache_clear()
    assert i18n.load_catalog("xx") == {("Ctx", "Saved"): "保存済み"}  # from the cache
    ts.write_text(TS.format(text="保存しました"), encoding="utf-8")
    i18n.load_catalog.cache_clear()
    try:
        assert i18n.load_catalog("xx") == {("Ctx", "Saved"): "保存しました"}  # not stale
    finally:
        i18n.load_catalog.cache_clear()


@pytest.mark.parametrize("value, lang, printed", [
    ("2026-11-20", "ja", "2026年11月20日（金）"),
    ("2026-11-20", "en", "20 Nov 2026 (Fri)"),
    ("2027-01-03", "ja", "2027年1月3日（日）"),
    ("2027-01-03", "en", "3 Jan 2027 (Sun)"),
    ("12月末", "ja", "12月末"),          # words stay as typed
    ("", "en", ""),
])
def test_dates_print_in_one_form_per_language(value, lang, printed):
    assert i18n.format_date(value, lang) == printed
