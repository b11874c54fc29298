"""CSV import: encodings Excel writes, header names, placement, and refusals of bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.errors import FurikaeriError
from facilitator.board.palette import NOTE_COLOURS
from facilitator.io.importers import PALETTE, import_file
from facilitator.board.placement import free_spots
from facilitator.workshop.model import MAX_NOTE_CHARS, Group, Note
from facilitator.workshop import Workshop

NOTES = ["スモールスタートが大事", "「つながり」が生まれた", "FactorISMの熱量に驚いた"]


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8", eol: str = "\r\n") -> Path:
    """A CSV file as Excel writes it: the given lines, CRLF ends, in ``encoding``."""
    path.write_bytes((eol.join(lines) + eol).encode(encoding))
    return path


def stored_notes(path: Path) -> list[Note]:
    """The notes the file holds, read by a second, read-only opener."""
    with Workshop.open(path, readonly=True) as other:
        return other.all(Note)


def english(summary) -> str:
    """``summary()`` in English, whatever language the run is in."""
    chosen = i18n.language()
    i18n.set_language("en")
    try:
        return summary()
    finally:
        i18n.set_language(chosen)


def texts(ws: Workshop) -> list[str]:
    return [n.text for n in ws.all(Note)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_encodings_excel_writes_are_detected(ws, tmp_path, encoding):
    src = write_csv(tmp_path / "in.csv", ["本文,名前", *(f"{t},田中" for t in NOTES)], encoding)
    result = import_file(ws, src)
    assert texts(ws) == NOTES
    assert {n.author for n in ws.all(Note)} == {"田中"}
    assert result.notes == 3


@pytest.mark.parametrize("text_header, author_header", [
    ("本文", "名前"), ("テキスト", "氏名"), ("意見", "発言者"), ("付箋", "記入者"),
    ("Text", "Author"), (" NOTE ", "speaker"), ("comment", "NAME"), ("ｔｅｘｔ", "name"),
])
def test_header_names_in_japanese_or_english(ws, tmp_path, text_header, author_header):
    src = write_csv(tmp_path / "in.csv", [f"{author_header},{text_header}", "佐藤,継続が大事"])
    import_file(ws, src)
    [note] = ws.all(Note)
    assert (note.text, note.author) == ("継続が大事", "佐藤")


def test_a_text_column_alone_is_enough(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["意見", *NOTES])
    import_file(ws, src)
    assert texts(ws) == NOTES


def test_one_column_without_header_makes_every_line_a_note(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", [*NOTES, "次回も参加したい, できれば平日"], "cp932")
    import_file(ws, src)
    assert texts(ws) == [*NOTES, "次回も参加したい, できれば平日"]


def test_tab_separated_files(ws, tmp_path):
    lines = ["本文\t名前", "話し合いが楽しかった\t鈴木"]
    for name in ("in.tsv", "tabs.csv"):
        import_file(ws, write_csv(tmp_path / name, lines))
    assert [(n.text, n.author) for n in ws.all(Note)] == [("話し合いが楽しかった", "鈴木")] * 2


def test_quoted_commas_and_line_breaks_stay_in_the_note(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文", '"一行目,続き', '二行目"'])
    import_file(ws, src)
    assert texts(ws) == ["一行目,続き\n二行目"]


def test_empty_rows_are_skipped_and_counted(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文,名前", "良かった,A", ",B", "  ,C", "楽しかった,D"])
    result = import_file(ws, src)
    assert texts(ws) == ["良かった", "楽しかった"]
    assert result.empty_skipped == 2
    assert "2" in result.summary()
    assert "skipped 2 empty rows" in english(result.summary)


def test_control_characters_are_removed_and_counted(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文", "あ\x00い\x07う", "え\x1bお"])
    result = import_file(ws, src)
    assert texts(ws) == ["あいう", "えお"]
    assert result.controls_removed == 3
    assert "removed 3 control characters" in english(result.summary)


def test_emoji_and_rare_kanji_survive(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文,名前", "𠮷野家で打ち上げ🍚,𠮷田"])
    import_file(ws, src)
    assert [(n.text, n.author) for n in stored_notes(ws.path)] == [("𠮷野家で打ち上げ🍚", "𠮷田")]


def test_a_path_with_japanese_and_spaces(ws, tmp_path):
    folder = tmp_path / "振り返り 資料 2026"
    folder.mkdir()
    src = write_csv(folder / "付箋 一覧.csv", ["本文", "場所が良かった"], "cp932")
    import_file(ws, src)
    assert texts(ws) == ["場所が良かった"]


def test_import_is_one_undo_step_with_the_groups_it_made(ws, tmp_path):
    groups_before = ws.count(Group)
    src = write_csv(tmp_path / "in.csv", ["本文,グループ", "a,新しい班", "b,新しい班", "c,"])
    import_file(ws, src)
    assert ws.count(Note) == 3 and ws.count(Group) == groups_before + 1
    ws.undo()
    assert ws.count(Note) == 0 and ws.count(Group) == groups_before
    assert stored_notes(ws.path) == []


# -- where notes go -----------------------------------------------------------------------
def test_default_is_the_first_session_that_is_not_a_break(ws, tmp_path):
    import_file(ws, write_csv(tmp_path / "in.csv", ["本文", "x"]))
    [note] = ws.all(Note)
    assert note.session_id == ws.sessions()[0].id and note.group_id is None


@pytest.mark.parametrize("spec", ["グループディスカッション", "2", "ID"])
def test_session_by_title_number_or_id(ws, tmp_path, spec):
    target = ws.sessions()[1]
    spec = target.id if spec == "ID" else spec
    import_file(ws, write_csv(tmp_path / "in.csv", ["本文", "x"]), session=spec)
    assert ws.all(Note)[0].session_id == target.id


def test_session_and_group_columns_per_row(ws, tmp_path):
    discussion = ws.sessions()[1]
    group_b = ws.groups_of(discussion.id)[1]
    src = write_csv(tmp_path / "in.csv", [
        "セッション,グループ,本文", "グループディスカッション,グループB,b の意見",
        "4,,全体の意見"])
    import_file(ws, src)
    b, plenary = sorted(ws.all(Note), key=lambda n: n.text)
    assert (b.session_id, b.group_id) == (discussion.id, group_b.id)
    assert (plenary.session_id, plenary.group_id) == (ws.sessions()[3].id, None)


def test_group_option_matches_a_name_or_makes_a_group(ws, tmp_path):
    discussion = ws.sessions()[1]
    src = write_csv(tmp_path / "in.csv", ["本文", "x"])
    import_file(ws, src, session="2", group="ｸﾞﾙｰﾌﾟa")  # width and case do not matter
    assert ws.all(Note)[0].group_id == ws.groups_of(discussion.id)[0].id
    result = import_file(ws, src, session="2", group="グループC")
    new = ws.groups_of(discussion.id)[-1]
    assert result.groups_created == 1
    assert (new.name, new.color) == ("グループC", PALETTE[2])


def test_unknown_session_is_refused_listing_the_sessions(ws, tmp_path):
    with pytest.raises(FurikaeriError, match="オリエンテーション"):
        import_file(ws, write_csv(tmp_path / "in.csv", ["本文", "x"]), session="懇親会")
    assert ws.count(Note) == 0


def test_notes_never_cover_existing_ones_and_stack_upwards(ws, tmp_path):
    session = ws.sessions()[0]
    first = ws.new_note("既存の付箋", session_id=session.id)
    ws.add(first)
    import_file(ws, write_csv(tmp_path / "in.csv", ["本文", *NOTES]))
    new = [n for n in ws.all(Note) if n.id != first.id]
    assert [(n.x, n.y) for n in new] == free_spots([first], 3)
    assert [n.z for n in new] == sorted(n.z for n in new) and new[0].z > first.z


@pytest.mark.parametrize("value, stored", [
    ("#ffe066", "#FFE066"), ("青", NOTE_COLOURS["blue"]), ("Pink", NOTE_COLOURS["pink"]), ("", "")])
def test_colours(ws, tmp_path, value, stored):
    import_file(ws, write_csv(tmp_path / "in.csv", ["本文,色", f"x,{value}"]))
    assert ws.all(Note)[0].color == stored


def test_votes_are_read(ws, tmp_path):
    import_file(ws, write_csv(tmp_path / "in.csv", ["本文,票", "x,3", "y,"]))
    assert [n.votes for n in ws.all(Note)] == [3, 0]


# -- bad input: a clear message, nothing written ----------------------------------------
BAD_FILES = {
    "broken quoting": (["本文,名前", "良い,A", '"壊れた"引用,B', "c,C"], "utf-8",
                       "line 3"),
    "unclosed quote": (["本文", "a", '"閉じない引用', "b", "c"], "utf-8", "line 3"),
    "empty text column": (["本文,名前", ",A", ",B"], "utf-8", "empty in every row"),
    "no text column": (["名前,所属", "田中,A社"], "utf-8", "名前, 所属"),
    "bad colour": (["本文,色", "a,#FFE066", "b,まだら"], "utf-8", "line 3"),
    "bad votes": (["本文,票", "a,2", "b,たくさん"], "utf-8", "line 3"),
    "unknown session": (["本文,セッション", "a,1", "b,懇親会"], "utf-8", "line 3"),
    "header only": (["本文,名前"], "utf-8", "no notes"),
    "too many fields": (["本文,名前", "a,A", "b,c,d"], "utf-8", "line 3"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_csv_is_refused_whole(ws, tmp_path, case):
    lines, encoding, message = BAD_FILES[case]
    with pytest.raises(FurikaeriError, match="(?i)" + message):
        import_file(ws, write_csv(tmp_path / "bad.csv", lines, encoding))
    assert ws.count(Note) == 0 and stored_notes(ws.path) == []


def test_mixed_encodings_name_the_line(ws, tmp_path):
    src = tmp_path / "mixed.csv"
    src.write_bytes("本文\r\n良かった\r\n".encode("utf-8") + "楽しかった\r\n".encode("cp932"))
    with pytest.raises(FurikaeriError, match=r"mixes encodings: line 3"):
        import_file(ws, src)
    assert stored_notes(ws.path) == []


def test_bytes_in_no_known_encoding_are_refused(ws, tmp_path):
    src = tmp_path / "binary.csv"
    src.write_bytes(b"text\r\nok\r\n\x85\x40\x85\x40\r\n")
    with pytest.raises(FurikaeriError, match="Line 3 .* neither UTF-8 nor Shift_JIS"):
        import_file(ws, src)


def test_a_note_over_the_limit_is_refused_not_truncated(ws, tmp_path):
    src = write_csv(tmp_path / "long.csv", ["本文", "短い", "長" * 100_000])
    with pytest.raises(FurikaeriError, match=r"line 3 .*100,000 characters"):
        import_file(ws, src)
    assert stored_notes(ws.path) == []


def test_a_note_at_the_limit_is_kept_whole(ws, tmp_path):
    import_file(ws, write_csv(tmp_path / "long.csv", ["本文", "字" * MAX_NOTE_CHARS]))
    assert len(stored_notes(ws.path)[0].text) == MAX_NOTE_CHARS


def test_a_workshop_open_read_only_is_left_alone(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文", "x"])
    with Workshop.open(ws.path, readonly=True) as other:
        with pytest.raises(FurikaeriError, match="read-only"):
            import_file(other, src)
    assert stored_notes(ws.path) == []


def test_100000_rows_import(ws, tmp_path):
    rows = [f"{i}番目の意見：次回もぜひ参加したい,記入者{i % 10}" for i in range(100_000)]
    src = write_csv(tmp_path / "big.csv", ["本文,名前", *rows], "cp932")
    result = import_file(ws, src)
    assert result.notes == 100_000
    assert len(stored_notes(ws.path)) == 100_000
