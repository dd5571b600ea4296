"""The name key: the form under which two spellings of a place's name are one name.

Actors (`actors.words.norm`) and speakers (`positions.speakers`) still key names their own
way: folding hyphens and apostrophes there too merges names that must stay apart in those
rules ("ex-England" with "England", "Dae'sh" with "Da'esh") and changes dev-set results.
"""

from __future__ import annotations

import unicodedata

# Key normalisation tables: letters NFKD does not decompose, and punctuation.
_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)
_PUNCT = str.maketrans(
    {
        ".": None,
        "'": None,
        "’": None,
        "‘": None,
        "ʼ": None,
        "ʻ": None,
        "`": None,
        "-": " ",
        "‐": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        "/": " ",
        ",": " ",
    }
)


def name_key(text: str) -> str:
    """Normalised lookup key: no accents, casefolded, periods/apostrophes dropped, hyphens as spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = text.encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.casefold().translate(_PUNCT).split())
    return text[4:] if text.startswith("the ") else text
