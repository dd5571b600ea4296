"""The word lists behind stated positions, read once from data/cues.txt."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.extract.text.wordlists import section_rows

RULES_FILE = Path(__file__).parent / "data" / "cues.txt"


@dataclass(frozen=True)
class PositionRules:
    """Lemma sets that drive cue, content and speaker detection."""

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    evidence_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    object_preps: frozenset[str]
    naming_preps: frozenset[str]
    participle_cues: frozenset[str]
    cue_nouns: frozenset[str]
    document_nouns: frozenset[str]
    issued_documents: frozenset[str]
    organization_nouns: frozenset[str]
    pronouns: dict[str, str]
    role_abbreviations: dict[str, str]
    cancelling_heads: frozenset[str]
    negations: frozenset[str]
    question_marks: frozenset[str]
    question_openers: frozenset[str]
    temporal_marks: frozenset[str]
    roles: frozenset[str]
    label_stopwords: frozenset[str]
    content_marks: frozenset[str]

    def role_of(self, word: str) -> str | None:
        """The role a word names: 'spokesman', 'Gov.' (governor); None for other words."""
        word = word.lower().rstrip(".")
        word = self.role_abbreviations.get(word, word)
        return word if word in self.roles else None

    @property
    def cue_verbs(self) -> frozenset[str]:
        """Every lemma that may report a statement or a belief."""
        return (self.speech_verbs | self.belief_verbs | self.evidence_verbs | self.naming_verbs
                | self.object_verbs | self.intent_verbs)


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> PositionRules:
    """Read the rules file (cached: it is read once per process)."""
    rows = section_rows(path)
    pronouns = {pronoun: kind for pronoun, kind in rows.pop("pronouns")}
    abbreviations = {short: role for short, role in rows.pop("role_abbreviations")}
    sets = {name: frozenset(row[0].lower() for row in table) for name, table in rows.items()}
    return PositionRules(pronouns=pronouns, role_abbreviations=abbreviations, **sets)
