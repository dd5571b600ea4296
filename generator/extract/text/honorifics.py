"""The one list of titles and honorifics (data/honorifics.txt), for actors and speakers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.extract.text.wordlists import word_sections

HONORIFICS = Path(__file__).parent / "data" / "honorifics.txt"


@lru_cache(maxsize=1)
def _sections() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in word_sections(HONORIFICS).items()}


def title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(head titles, title modifiers), as keys without periods: ("gen", "vice")."""
    return _sections()["head"], _sections()["modifier"]


def is_abbreviated_title(word: str) -> bool:
    """ "Sen", "dr.": a short honorific, never a word of the name it stands before."""
    key = word.lower()
    return (key[:-1] if key.endswith(".") else key) in _sections()["abbreviation"]


def gender_of_title(key: str) -> str | None:
    """'f' for "mrs", 'm' for "mr" (keys in lower case, without periods), else None."""
    if key in _sections()["female"]:
        return "f"
    if key in _sections()["male"]:
        return "m"
    return None
