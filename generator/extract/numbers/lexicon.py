"""The number vocabulary (data/lexicon.txt), read once per process."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.extract.text.wordlists import section_rows

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.txt"


@dataclass(frozen=True)
class Lexicon:
    """Words that write numbers or change what a number means; all lower case."""

    words: Mapping[str, float]
    multipliers: Mapping[str, float]
    money_multipliers: Mapping[str, float]
    vague: Mapping[str, tuple[float, float]]
    ordinals: Mapping[str, int]
    currency_symbols: frozenset[str]
    currency_words: frozenset[str]
    percent: frozenset[str]
    units: frozenset[str]
    quantity_adjectives: frozenset[str]
    count_nouns: frozenset[str]
    identifier_words: frozenset[str]
    phone_words: frozenset[str]
    score_words: frozenset[str]
    age_words: frozenset[str]
    age_cues: frozenset[str]
    time_nouns: frozenset[str]
    clock_words: frozenset[str]
    months: frozenset[str]
    definite_determiners: frozenset[str]
    fractions: frozenset[str]

    def is_number_word(self, lower: str) -> bool:
        """True for a word that can be part of a written number ("three", "million", "dozens")."""
        return lower in self.words or lower in self.multipliers or lower in self.vague


def _phrases(items: list[str]) -> frozenset[str]:
    """Multi-word entries with their spaces normalised to one."""
    return frozenset(" ".join(item.lower().split()) for item in items)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the number vocabulary; cached, so the file is read once per process."""
    rows = section_rows(LEXICON_PATH)
    data = {name: [row[0] for row in table] for name, table in rows.items()}
    return Lexicon(
        words={k: float(v) for k, v in rows["words"]},
        multipliers={k: float(v) for k, v in rows["multipliers"]},
        money_multipliers={k: float(v) for k, v in rows["money_multipliers"]},
        vague={k: (float(low), float(high)) for k, low, high in rows["vague"]},
        ordinals={k: int(v) for k, v in rows["ordinals"]},
        currency_symbols=frozenset(data["currency_symbols"]),
        currency_words=frozenset(data["currency_words"]) | frozenset(data["currency_codes"]),
        percent=_phrases(data["percent"]),
        units=_phrases(data["units"]),
        quantity_adjectives=frozenset(data["quantity_adjectives"]),
        count_nouns=frozenset(data["count_nouns"]),
        identifier_words=frozenset(data["identifier_words"]),
        phone_words=frozenset(data["phone_words"]),
        score_words=frozenset(data["score_words"]),
        age_words=frozenset(data["age_words"]),
        age_cues=frozenset(data["age_cues"]),
        time_nouns=frozenset(data["time_nouns"]),
        clock_words=frozenset(data["clock_words"]),
        months=frozenset(data["months"]),
        definite_determiners=frozenset(data["definite_determiners"]),
        fractions=frozenset(data["fractions"]),
    )
