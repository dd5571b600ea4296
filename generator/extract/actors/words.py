"""Word lists and name tables for actor extraction, read once from actors/data/."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from generator.extract.text.wordlists import alias_lines, word_lines, word_sections

DATA = Path(__file__).parent / "data"


def norm(text: str) -> str:
    """Comparison key of a name: casefolded, periods dropped, straight quotes, no leading "the"."""
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"'s$", "", text.replace(".", ""))
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def _lines(name: str) -> list[str]:
    return word_lines(DATA / name)


def _sections(name: str) -> dict[str, list[str]]:
    return word_sections(DATA / name)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Country name key -> canonical country name ("us" -> "United States")."""
    table: dict[str, str] = {}
    try:
        import pycountry

        for country in pycountry.countries:
            name = getattr(country, "common_name", None) or country.name
            for form in {name, country.name, getattr(country, "official_name", name)}:
                table[norm(form)] = name
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        pass
    return _read_alias_lines("countries.txt", table)


@lru_cache(maxsize=1)
def alias_groups() -> dict[str, str]:
    """Name key -> canonical name for actors known under unrelated names (ISIL -> ISIS)."""
    return _read_alias_lines("aliases.txt", {})


def _read_alias_lines(filename: str, table: dict[str, str]) -> dict[str, str]:
    """Add `canonical | other form | ...` lines of `filename` to `table` (name key -> canonical)."""
    for canonical, *others in alias_lines(DATA / filename):
        for form in (canonical, *others):
            table[norm(form)] = canonical
    return table


@lru_cache(maxsize=1)
def media() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(final words of media names, whole media names, nouns that announce a media name)."""
    sections = _sections("media.txt")
    return (
        frozenset(norm(w) for w in sections["words"]),
        frozenset(norm(w) for w in sections["names"]),
        frozenset(w.lower() for w in sections["nouns"]),
    )


@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    """Head noun -> actor kind of "<nationality or place> <noun>" phrases ("government" -> organization)."""
    return {noun: kind for kind, nouns in _sections("institutions.txt").items() for noun in nouns}


@lru_cache(maxsize=1)
def newswire() -> dict[str, frozenset[str]]:
    """Sports headline prefixes (team and individual), press-digest markers, table labels."""
    return {key: frozenset(values) for key, values in _sections("newswire.txt").items()}


@lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    """Keys of capitalised words that are never actors (languages, weekdays, unit acronyms)."""
    return frozenset(norm(w) for w in _lines("not_actors.txt"))


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """Name particles ("al", "van"), suffixes ("jr"), generic force words, initials to skip."""
    return {key: frozenset(values) for key, values in _sections("name_words.txt").items()}
