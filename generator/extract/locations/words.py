"""The location rules' vocabulary, read once from data/place_words.txt."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.extract.text.wordlists import word_sections
from generator.geo.keys import name_key

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


def street_heads() -> frozenset[str]:
    """ "street", "avenue": a street is at the story's town, never at its namesake town."""
    return _sections()["street_heads"]


@lru_cache(maxsize=1)
def local_heads() -> frozenset[str]:
    """ "hall", "hospital" and the street heads: local sites placed at the story's town."""
    return _sections()["local_heads"] | street_heads()


def not_places() -> frozenset[str]:
    """ "A.M.", "Brexit": names that are never places (as name keys)."""
    return _sections()["not_places"]


def road_prefixes() -> frozenset[str]:
    """ "route", "interstate": before a number, they make a road ("Route 4")."""
    return _sections()["road_prefixes"]


def institution_words() -> frozenset[str]:
    """ "police", "sheriff", "resident": after a town or county, they make it the place an
    institution serves or people come from ("Gainesville Police Department")."""
    return _sections()["institution_words"]


@lru_cache(maxsize=1)
def plural_units() -> dict[str, str]:
    """ "counties" -> "county": a plural unit noun after a list of names."""
    return dict(tuple(row.split("\t")) for row in _sections()["plural_units"])  # type: ignore[misc]


@lru_cache(maxsize=1)
def compass_words() -> frozenset[str]:
    """ "northeast", "s.e." (as name keys): a part of a place ("Northeast Georgia")."""
    return frozenset(name_key(w) for w in _sections()["compass_words"])
