"""Japanese text normalisation for comparing notes (not for display).

NFKC folds full-width Latin and digits to half width and half-width katakana
to full width; Latin is lower-cased; 「」『』 and punctuation are removed so
that「コスト」and コスト, ＩＴ and it, count as the same words.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest text looked at per note: a pasted 5,000-character note is cut here
#: so that one note cannot make the proposal slow (its start says what it is).
MAX_CHARS = 600

_SPACE = re.compile(r"\s+")


def _is_punct(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # P*: punctuation incl. 「」『』【】・、。 ; Sm/Sk: =, ^, ｰ-like marks.  Emoji (So)
    # are kept: a note of only 👍 still says something.
    return cat.startswith("P") or cat in ("Sm", "Sk")


def normalise(text: str, lower: bool = True) -> str:
    """NFKC, lower-case Latin (unless ``lower`` is False), whitespace collapsed;
    punctuation kept."""
    text = unicodedata.normalize("NFKC", text or "")[: MAX_CHARS * 2]
    text = _SPACE.sub(" ", text).strip()
    return (text.lower() if lower else text)[:MAX_CHARS]


_PUNCT_TABLE: dict[int, str] = {}


def for_features(text: str, lower: bool = True) -> str:
    """:func:`normalise` with quotes and punctuation replaced by spaces."""
    if not _PUNCT_TABLE:  # one pass over the BMP (~20 ms), then str.translate
        _PUNCT_TABLE.update((c, " ") for c in range(0x10000) if _is_punct(chr(c)))
    text = normalise(text, lower).translate(_PUNCT_TABLE)
    return _SPACE.sub(" ", text).strip()
