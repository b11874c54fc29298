"""Lists of people: pasted text and CSV files from Excel (no Qt)."""

from __future__ import annotations

import pytest

from facilitator.errors import FurikaeriError
from facilitator.io.roster import parse_roster, read_roster
from facilitator.workshop.people import PersonRow

ROSTER = [("山本 健太", "株式会社ミナトメカニクス"), ("佐藤 美穂", "ハルモニア電機株式会社 新規事業開発部"),
          ("高橋 誠一", "北陵大学 地域イノベーション研究センター")]


def people(text: str) -> list[tuple[str, str, str, bool]]:
    return [(p.name, p.organisation, p.role, p.attended) for p in parse_roster(text).people]


def test_comma_separated_lines():
    text = "\n".join(f"{n}, {o}" for n, o in ROSTER)
    assert people(text) == [(n, o, "participant", True) for n, o in ROSTER]


def test_tab_separated_cells_copied_from_excel_with_a_header():
    text = "氏名\t所属\t役割\t出欠\r\n" + "\r\n".join(
        f"{n}\t{o}\t{r}\t{a}" for (n, o), r, a in zip(ROSTER, ("参加者", "書記", "有識者"),
                                                     ("○", "×", "出席"))) + "\r\n"
    assert people(text) == [
        ("山本 健太", ROSTER[0][1], "participant", True),
        ("佐藤 美穂", ROSTER[1][1], "note_taker", False),
        ("高橋 誠一", ROSTER[2][1], "expert", True),
    ]
    assert parse_roster(text).header


def test_header_columns_in_any_order():
    text = "所属,名前\nA社,山田\n"
    assert people(text) == [("山田", "A社", "participant", True)]


def test_a_mail_list_with_bullets_and_brackets():
    text = ("・山本 健太（株式会社ミナトメカニクス）\n"
            "1. 佐藤 美穂 (ハルモニア電機)\n"
            "② 鈴木、〇〇県\n"
            "\n"
            "井上 真理\n")
    assert people(text) == [("山本 健太", "株式会社ミナトメカニクス", "participant", True),
                            ("佐藤 美穂", "ハルモニア電機", "participant", True),
                            ("鈴木", "〇〇県", "participant", True),
                            ("井上 真理", "", "participant", True)]


def test_a_person_whose_third_cell_is_a_role_is_not_taken_for_a_header():
    assert people("山田, A社, 参加者") == [("山田", "A社", "participant", True)]
    assert people("山田, A社, 欠席") == [("山田", "A社", "participant", False)]


def test_words_not_understood_are_told_not_guessed():
    roster = parse_roster("名前,所属,役割\n山田,A社,社長\n,B社,\n")
    assert roster.people == [PersonRow("山田", "A社", "participant", True)]
    texts = [r.text("en") for r in roster.remarks]
    assert any("社長" in t and "Line 2" in t for t in texts)
    assert any("Line 3" in t and "no name" in t for t in texts)


def test_cp932_csv_from_excel(tmp_path):
    path = tmp_path / "名簿.csv"
    path.write_bytes("名前,所属,出欠\r\n".encode("cp932")
                     + "".join(f"{n},{o},出席\r\n" for n, o in ROSTER).encode("cp932"))
    roster = read_roster(path)
    assert roster.encoding == "cp932"
    assert [(p.name, p.organisation) for p in roster.people] == ROSTER


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "utf-16"])
def test_other_encodings(tmp_path, encoding):
    path = tmp_path / "list.csv"
    path.write_text("名前,所属\n" + "".join(f'"{n}","{o}"\n' for n, o in ROSTER),
                    encoding=encoding)
    assert [(p.name, p.organisation) for p in read_roster(path).people] == ROSTER


def test_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(FurikaeriError, match="No such file"):
        read_roster(tmp_path / "none.csv")


def test_comma_lines_among_tab_separated_ones():
    text = "山本 健太, A社\n新井 太郎\tB社\t書記\t欠席\n木村, C社, 社長\n"
    roster = parse_roster(text)
    assert [(p.name, p.organisation, p.role, p.attended) for p in roster.people] == [
        ("山本 健太", "A社", "participant", True), ("新井 太郎", "B社", "note_taker", False),
        ("木村", "C社", "participant", True)]
    assert any("社長" in r.text("en") for r in roster.remarks)
