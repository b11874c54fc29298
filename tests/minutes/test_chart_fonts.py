"""The minutes' charts are set in the shipped fonts on any machine.

svglib finds a font the charts' SVG names by asking fontconfig's ``fc-match``
unless the family is registered with it; Windows, macOS and the installer's
clean environment have no ``fc-match``, and the chart labels came out in
Helvetica, as boxes.  The report is written here with nothing on the PATH.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pypdf


def _fonts(pdf: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in pdf.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        names |= {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    return names


def test_chart_labels_need_no_fontconfig(tmp_path):
    demo, pdf = tmp_path / "demo.furikaeri", tmp_path / "minutes.pdf"
    empty = tmp_path / "bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))  # no fc-match (nor anything else)
    for args in (["demo", "--create", str(demo)], ["report", str(demo), "-o", str(pdf)]):
        subprocess.run([sys.executable, "-m", "facilitator", *args], env=env, check=True,
                       capture_output=True, cwd=tmp_path)
    reader = pypdf.PdfReader(pdf)
    fonts = _fonts(reader)
    assert fonts and all("IPAexGothic" in f or "Noto" in f for f in fonts), fonts
    text = "".join(page.extract_text() for page in reader.pages)
    assert "タイムライン" in text  # the programme chart's title, not "■■■■■■"
