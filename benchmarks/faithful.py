"""Whether briefings show what the articles say (issue 17): three counts that must be 0.

- positions whose speaker is a bare pronoun ("they", "you", "who", "a statement which said");
- paraphrases in quotation marks: a piece a page shows in quotation marks that is not words
  of a quotation in the article;
- evidence links without a target: a fact's sentence that its briefing page does not anchor.

The checks read briefings as the pages render them (generator.render), not the HTML, so a
large corpus is checked in seconds; tests/test_evidence_links.py crawls a built site.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# This checkout's generator, whichever checkout the virtualenv was installed from.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.briefing import Briefing
from generator.extract.positions.quotes import find_quotes
from generator.render.highlight import anchored
from generator.render.quoting import quote_runs

PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "who",
            "which", "that", "this", "these", "those", "one", "someone"}
_RELATIVE_TAIL = re.compile(r"\w\s+(who|which)\s+\w+$", re.I)  # "a statement which said"


@dataclass
class Faithfulness:
    positions: int = 0
    pronoun_speakers: int = 0
    quoted_pieces: int = 0
    paraphrases_in_marks: int = 0
    evidence_links: int = 0
    links_without_target: int = 0


def bare_pronoun(speaker: str | None) -> bool:
    """A speaker a reader cannot use: a pronoun alone, or a phrase ending in its own cue."""
    if not speaker:
        return False
    words = speaker.strip().split()
    acronym = words[0].isupper() and len(words[0]) > 1  # WHO, US: names
    alone = len(words) == 1 and words[0].lower() in PRONOUNS and not acronym
    return alone or bool(_RELATIVE_TAIL.search(speaker.strip()))


def _squash(text: str) -> str:
    return " ".join(text.split())


def check(briefings: Iterable[Briefing]) -> Faithfulness:
    """The three counts over `briefings`."""
    out = Faithfulness()
    for b in briefings:
        text = "\n\n".join(b.paragraphs)
        starts, offset = [], 0
        for paragraph in b.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 2
        quotations = [_squash(text[q.start : q.end]) for q in find_quotes(text, starts)]
        for p in b.positions:
            out.positions += 1
            out.pronoun_speakers += bare_pronoun(p.speaker)
            for piece, inside in quote_runs(p.text, p.quoted):
                if inside:
                    out.quoted_pieces += 1
                    out.paraphrases_in_marks += not any(_squash(piece) in q for q in quotations)
        sentences = [item.sentence for items in (b.actors, b.numbers, b.locations, b.positions)
                     for item in items if item.sentence.strip()]
        landed = anchored(b.paragraphs, sentences)
        out.evidence_links += len(sentences)
        out.links_without_target += sum(s.strip() not in landed for s in sentences)
    return out
