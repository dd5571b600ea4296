"""Interview turns: the paragraph label that says whose answer a paragraph is.

"((Dorsa Derakhshani))  I'm a ..." or "NG: It is likely ..."; an answer may run over several
paragraphs after its label. Used to resolve "I"/"we" inside an interview to the person whose
turn it is.
"""

from __future__ import annotations

import bisect
import re

from generator.briefing import Actor

_TURN_RE = re.compile(r"^\(\(([^()\n]{1,60})\)\)|^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s")
_TURN_LOOKBACK = 8  # paragraphs: an answer may run over several after its label


class InterviewTurns:
    """The turn labels of one article's paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = [0, *(m.end() for m in re.finditer(r"\n\s*\n", text))]

    def label(self, char: int) -> str | None:
        """The label of the turn holding character `char`, or None outside a turn."""
        index = bisect.bisect_right(self.paragraphs, char) - 1
        for p in range(index, max(index - _TURN_LOOKBACK, -1), -1):
            start = self.paragraphs[p]
            match = _TURN_RE.match(self.text[start : start + 80])
            if match is not None:
                return (match.group(1) or match.group(2)).strip()
        return None


def by_initials(actors: list[Actor], label: str) -> Actor | None:
    """The one person actor whose initials the label is ("NG" for Natasha Gownaris)."""
    if not (label.isupper() and 2 <= len(label) <= 3):
        return None
    matches = [a for a in actors if a.kind == "person"
               and "".join(w[0] for w in a.name.split() if w[:1].isupper()) == label]
    return matches[0] if len(matches) == 1 else None
