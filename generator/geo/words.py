"""Word lists the resolver reads from `data/` (loaded once, on first use)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.geo.keys import name_key

DATA = Path(__file__).parent / "data"


def _rows(filename: str) -> list[list[str]]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@cache
def unit_words() -> dict[str, frozenset[str]]:
    """Unit word ("province") -> the kinds of place it names."""
    return {word: frozenset(kinds.split(",")) for word, kinds in _rows("unit_words.tsv")}


def unit_suffix(text: str) -> tuple[str, frozenset[str]] | None:
    """ "Kirkuk province" -> ("Kirkuk", {"region"}); None without a trailing unit word."""
    head, _, last = text.rpartition(" ")
    kinds = unit_words().get(last.casefold())
    return (head, kinds) if head and kinds else None


@cache
def word_list(filename: str) -> frozenset[str]:
    """A one-entry-per-line list as name keys."""
    return frozenset(name_key(row[0]) for row in _rows(filename))
