"""``--lang`` is taken before or after the command, for every command."""

from __future__ import annotations

import pytest

from facilitator import i18n
from facilitator.cli.commands import build_parser, main


@pytest.fixture(autouse=True)
def keep_language():
    language = i18n.language()
    yield
    i18n.set_language(language)


@pytest.mark.parametrize("argv", [
    ["--lang", "en", "open", "F"],  # before the command: no command resets it
    ["open", "F", "--lang", "en"],
    ["open", "--lang", "en", "F"],
    ["open", "F", "--lang=en"],
    ["demo", "--lang", "en"],
    ["demo", "--fresh", "--lang", "en"],
    ["info", "F", "--lang", "en"],
    ["export", "F", "--format", "csv", "-o", "x.csv", "--lang", "en"],
    ["report", "F", "-o", "x.pdf", "--lang", "en"],
    ["--lang", "en", "report", "F", "-o", "x.pdf"],
    ["--lang", "ja", "cluster", "x.csv", "--lang", "en"],  # the last one given wins
    ["--lang", "en"],
])
def test_lang_anywhere(argv):
    assert build_parser().parse_args(argv).lang == "en"


@pytest.mark.parametrize("argv", [["open", "F"], ["info", "F"], ["report", "F", "-o", "x"], []])
def test_no_lang_is_none(argv):
    assert build_parser().parse_args(argv).lang is None


def test_a_wrong_language_is_one_line_and_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["info", "F", "--lang", "fr"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "fr" in err


@pytest.mark.parametrize("tail", [True, False])
def test_messages_follow_lang_after_the_command(tmp_path, capsys, tail):
    missing = str(tmp_path / "missing.furikaeri")
    argv = ["info", missing, "--lang", "en"] if tail else ["--lang", "en", "info", missing]
    assert main(argv) == 2
    english = capsys.readouterr().err
    assert main(["info", missing, "--lang", "ja"]) == 2
    japanese = capsys.readouterr().err
    assert english.isascii() and not japanese.isascii()


def test_open_with_lang_after_the_file_shows_english_windows(app_settings, ws_path, tmp_path):
    from ui import app as app_module
    from facilitator.agenda.templates import read_template, records_from_template
    from facilitator.workshop import Workshop
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    png = tmp_path / "shot.png"
    assert app_module.run(["open", str(ws_path), "--lang", "en", "--screenshot", str(png)]) == 0
    assert i18n.language() == "en" and png.exists()
