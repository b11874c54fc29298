"""Keep assets/translations/furikaeri_ja.ts in step with the code.

    python scripts/translations.py update          # re-extract with pyside6-lupdate
    python scripts/translations.py missing         # list strings lacking Japanese
    python scripts/translations.py fill MAP.json   # set translations from {"source": "訳"}
                                                   # or {"Context|source": "訳"}
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "translations" / "furikaeri_ja.ts"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for d in ("facilitator", "ui")
                  for p in (ROOT / d).rglob("*.py"))


def extract(ts: Path) -> None:
    """Run pyside6-lupdate over the code into ``ts`` (keeps existing translations)."""
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources(), "-locations", "none",
                    "-no-obsolete", "-target-language", "ja_JP", "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def missing(ts: Path = TS) -> list[tuple[str, str]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or not tr.text or tr.get("type") == "unfinished":
                out.append((name, msg.findtext("source", "")))
    return out


def fill(mapping: dict[str, str], ts: Path = TS) -> int:
    tree = ET.parse(ts)
    done = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            source = msg.findtext("source", "")
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            tr = msg.find("translation")
            if text is None or tr is None:
                continue
            tr.text = text
            tr.attrib.pop("type", None)
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    extract(ts)  # lupdate writes the file back in its own layout: small diffs
    return done


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if cmd == "update":
        extract(TS)
    elif cmd == "fill":
        print(fill(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))), "filled")
    for ctx, src in missing():
        print(f"{ctx}|{src}")
