"""Hostile JSON given to `import`, `new --from` and `new --template`: one line, exit 2,
no traceback, nothing created or changed."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.cli import main
from facilitator.io.exporters import export_file
from facilitator.workshop.model import Note
from facilitator.workshop.schema import SCHEMA_VERSION
from facilitator.workshop import Workshop


@pytest.fixture(autouse=True)
def keep_language():
    chosen = i18n.language()
    yield
    i18n.set_language(chosen)


def document(notes: list[dict] | None = None, **records) -> str:
    return json.dumps({"format": "furikaeri", "version": SCHEMA_VERSION,
                       "records": {"notes": notes or [{"id": "n1", "text": "付箋"}], **records}})


def note_with(**fields) -> str:
    return document([{"id": "n1", "text": "付箋", **fields}])


HOSTILE = {
    "deep nesting": ("[" * 100_000, "nested too deeply"),
    "deep nesting in an object": ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    "a 5,000-digit integer": ('{"format": "furikaeri", "version": ' + "9" * 5000 + "}",
                              "5,000 characters"),
    "an integer SQLite cannot store": (note_with(votes=2 ** 70), str(2 ** 70)),
    "NaN": (note_with(x=float("nan")), "NaN"),
    "Infinity": (note_with(x=float("inf")), "Infinity"),
    "1e999": (note_with(y="@") .replace('"@"', "1e999"), "1e999"),
    "a top-level list": ("[1, 2, 3]", "not a Furikaeri JSON export"),
    "a top-level string": ('"furikaeri"', "not a Furikaeri JSON export"),
    "a top-level null": ("null", "not a Furikaeri JSON export"),
    "an empty file": ("", "not valid JSON (line 1"),
    "invalid UTF-8": (b'{"format": "furikaeri", "x": "\xff\xfe\x80"}', "not UTF-8"),
    "UTF-16": (codecs.BOM_UTF16_LE + document().encode("utf-16-le"), "not UTF-8"),
    "prompts that are not text": (document(sessions=[{"id": "s1", "prompts": [[[["x"]]]]}]),
                                  "sessions.prompts"),
    "a deeply nested setting": (document(settings=[{"id": "k", "value": json.loads(
        "[" * 200 + "]" * 200)}]), "settings.value"),
    "a stroke of text": (document(strokes=[{"id": "k", "points": [["a", "b"]]}]),
                         "strokes.points"),
}


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def one_line(capsys, argv: list[str]) -> str:
    capsys.readouterr()
    assert main(["--lang", "en", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("case", HOSTILE)
def test_import_refuses_hostile_json_in_one_line(ws, ws_path, tmp_path, capsys, case):
    content, message = HOSTILE[case]
    ws.close()
    before = ws_path.read_bytes()
    src = write(tmp_path / "hostile.json", content)
    assert message in one_line(capsys, ["import", str(ws_path), str(src)])
    with Workshop.open(ws_path, readonly=True) as again:
        assert again.count(Note) == 0
    assert ws_path.read_bytes() == before


@pytest.mark.parametrize("case", HOSTILE)
def test_new_from_refuses_hostile_json_in_one_line(tmp_path, capsys, case):
    content, message = HOSTILE[case]
    src = write(tmp_path / "hostile.json", content)
    assert message in one_line(capsys, ["new", str(tmp_path / "made"), "--from", str(src)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.json"]


@pytest.mark.parametrize("content, message", [
    ("[" * 100_000, "nested too deeply"),
    ('{"sessions": [{"planned_minutes": ' + "9" * 5000 + "}]}", "5,000 characters"),
    ("[]", "not an agenda template"),
    ('{"workshop": "題", "sessions": []}', "not valid"),
    ('{"sessions": [1, 2]}', "not valid"),
    ('{"sessions": [{"planned_minutes": 60, "groups": [{"colour": "red"}]}]}', "not valid"),
    ('{"sessions": [{"planned_minutes": 60, "prompts": [["入れ子"]]}]}', "sessions.prompts"),
    ('{"sessions": [{"planned_minutes": 9007199254740993}]}', "not valid"),
    ('{"workshop": {"title": 5}}', "workshop.title"),
])
def test_a_hand_made_template_is_refused_in_one_line(tmp_path, capsys, content, message):
    src = write(tmp_path / "mine.json", content)
    assert message in one_line(capsys, ["new", str(tmp_path / "made"), "--template", str(src)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json"]


def test_a_file_too_large_to_read_is_refused_before_reading(ws, ws_path, tmp_path, capsys):
    ws.close()
    for name in ("huge.json", "huge.csv"):
        huge = tmp_path / name
        with open(huge, "wb") as fh:  # sparse: takes no room on the disk
            fh.truncate(300 * 2 ** 20)
        assert "too large" in one_line(capsys, ["import", str(ws_path), str(huge)])


def test_a_bom_and_our_own_export_are_read(ws, tmp_path, capsys):
    ws.add(ws.new_note("BOM付きでも読める", ws.sessions()[0].id))
    export_file(ws, "json", tmp_path / "dump.json")
    ws.close()
    with_bom = write(tmp_path / "bom.json", codecs.BOM_UTF8 + (tmp_path / "dump.json").read_bytes())
    assert main(["new", str(tmp_path / "copy"), "--from", str(with_bom)]) == 0
    with Workshop.open(tmp_path / "copy.furikaeri", readonly=True) as copy:
        assert [n.text for n in copy.all(Note)] == ["BOM付きでも読める"]


def test_the_command_line_says_it_in_one_line_too(ws, ws_path, tmp_path):
    """The real entry point, as a user runs it."""
    ws.close()
    src = write(tmp_path / "deep.json", "[" * 100_000)
    done = subprocess.run([sys.executable, "-m", "facilitator", "import", str(ws_path), str(src)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "FURIKAERI_LANG": "ja"})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "deep.json" in done.stderr
