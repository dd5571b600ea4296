"""The location rules' vocabulary, read once from data/place_words.txt."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.extract.text.wordlists import word_sections

PLACE_WORDS = Path(__file__).parent / "data" / "place_words.txt"


@lru_cache(maxsize=1)
def _sections() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in word_sections(PLACE_WORDS).items()}


def unit_nouns() -> frozenset[str]:
    """ "province", "governorate": an administrative unit after a place name."""
    return _sections()["unit_nouns"]


def strong_cues() -> frozenset[str]:
    """ "city", "town": before a name ("the city of X"), enough even for a common word."""
    return _sections()["strong_cues"]


@lru_cache(maxsize=1)
def place_cues() -> frozenset[str]:
    """ "in", "near", "north" and the strong cues: before a name, they make it a place."""
    return _sections()["place_cues"] | strong_cues()


def org_heads() -> frozenset[str]:
    """ "ministry", "bank": heads of organisation names that own a following place name."""
    return _sections()["org_heads"]


def arabic_articles() -> list[str]:
    """ "al", "ar", "ash": articles a transliteration may add or drop, in the order tried."""
    return word_sections(PLACE_WORDS)["arabic_articles"]


def region_types() -> frozenset[str]:
    """Words of a subdivision type that make it a region: "autonomous", "territory"."""
    return _sections()["region_types"]
