"""Name keys: the normalised form under which the gazetteer files every name."""

from __future__ import annotations

import re
import unicodedata

# Arabic-style articles that transliterations add or drop ("Ar Raqqah" = "Raqqah").
_ARTICLE_RE = re.compile(r"^(?:al|ar|as|ad|an|ash|at|az|el)\s+")
# Letters NFKD does not decompose.
_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
     "þ": "th", "ð": "d"}
)
# Periods and apostrophes vanish ("U.S." = "US", "Martha's" = "Marthas"); dashes,
# slashes and commas separate words.
_PUNCT = str.maketrans(
    {".": None, "'": None, "’": None, "‘": None, "ʼ": None, "ʻ": None, "`": None,
     "-": " ", "‐": " ", "–": " ", "—": " ", "_": " ", "/": " ", ",": " "}
)
# "St. Louis" = "Saint Louis", "Ft. Worth" = "Fort Worth", "Mt. Vernon" = "Mount Vernon".
_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
# "Platte Co." = "Platte County", "Madison Twp." = "Madison Township".
_LAST_WORDS = {"co": "county", "twp": "township"}


def name_key(text: str) -> str:
    """Casefolded, accent-free, punctuation-free form; a leading "the" dropped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = text.encode("ascii", "ignore").decode("ascii")
    words = text.casefold().translate(_PUNCT).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 1:
        words = [_WORDS.get(w, w) for w in words[:-1]] + [_LAST_WORDS.get(words[-1], words[-1])]
    return " ".join(words)


def bare_key(key: str) -> str:
    """`key` without a leading Arabic article ("ar raqqah" -> "raqqah")."""
    return _ARTICLE_RE.sub("", key, count=1)
