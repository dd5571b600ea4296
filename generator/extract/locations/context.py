"""What an article tells the location rules besides its place names.

- which spans are organisation names ("Washington Post"): places inside them
  are not places of the story;
- which words are parts of people's names ("Montoya", "Rodriguez");
- which countries the story is about (from country names and demonyms such
  as "Iraqi"), used to resolve ambiguous names ("Kirkuk" -> Iraq);
- datelines ("LONDON 1996-08-30", "NICE, France 1996-08-30").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from generator.briefing import Actor
from generator.extract.locations.gazetteer import Gazetteer, name_key
from generator.extract.text.datelines import DATELINE_WITH_PLACE

ORG_LABELS = frozenset({"ORG"})
_BRACKETS = frozenset("()[],;")
ORG_KINDS = frozenset({"organization", "media", "group"})

@dataclass
class DocContext:
    """Per-article facts the location rules consult; build with `doc_context`."""

    org_spans: list[tuple[int, int]] = field(default_factory=list)
    person_words: set[str] = field(default_factory=set)
    person_names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    datelines: list[tuple[int, int]] = field(default_factory=list)
    # The entity each token belongs to, by token index: built once, so that looking up a
    # token's entity costs the same in a 400k-character article as in a short one.
    entities: list[Span | None] = field(default_factory=list)
    _org_indexed: int = field(default=-1, repr=False)
    _org_lookup: tuple[list[int], list[int], dict[int, int]] = field(
        default_factory=lambda: ([], [], {}), repr=False
    )

    def entity_at(self, i: int) -> Span:
        """The entity that token `i` is part of (the token must have an entity type)."""
        ent = self.entities[i]
        assert ent is not None, f"token {i} is in no entity"
        return ent

    def inside_org(self, start: int, end: int) -> bool:
        """True if char range [start, end) lies strictly inside an organisation name.

        A span that starts earlier and ends no earlier contains it, and so does one that starts
        at `start` and ends later: two look-ups in an index of the spans (by start, with the
        furthest end so far), not a scan of every organisation name per place name.
        """
        starts, furthest_end, end_at_start = self._org_index()
        before = bisect.bisect_left(starts, start)  # spans starting strictly before `start`
        if before and furthest_end[before - 1] >= end:
            return True
        return end_at_start.get(start, -1) > end

    def _org_index(self) -> tuple[list[int], list[int], dict[int, int]]:
        if self._org_indexed != len(self.org_spans):
            spans = sorted(self.org_spans)
            furthest, ends = -1, []
            at_start: dict[int, int] = {}
            for s, e in spans:
                furthest = max(furthest, e)
                ends.append(furthest)
                at_start[s] = max(at_start.get(s, -1), e)
            self._org_lookup = ([s for s, _ in spans], ends, at_start)
            self._org_indexed = len(self.org_spans)
        return self._org_lookup

    def is_person_word(self, text: str) -> bool:
        """True if every word of `text` is part of a person's name in this article."""
        words = name_key(text).split()
        return bool(words) and all(w in self.person_words for w in words)


def doc_context(doc: Doc, actors: list[Actor], gaz: Gazetteer) -> DocContext:
    """Collect organisation spans, person-name words, story countries and datelines."""
    ctx = DocContext(entities=[None] * len(doc))
    for ent in doc.ents:
        ctx.entities[ent.start : ent.end] = [ent] * len(ent)
        if ent.label_ in ORG_LABELS:
            ctx.org_spans.extend(_unbracketed(ent))
        elif ent.label_ == "PERSON":
            ctx.person_names.add(name_key(ent.text))
            if len(ent) > 1 and not gaz.lookup(ent.text):
                ctx.person_words.update(name_key(ent.text).split())
        elif ent.label_ == "NORP" and (code := gaz.demonym(ent.text)):
            ctx.countries.add(code)
    for token in doc:
        if token.is_title and (code := gaz.demonym(token.text)):
            ctx.countries.add(code)
    text = doc.text  # built from the tokens on every access: read it once
    for actor in actors:
        _add_actor(ctx, text, actor, gaz)
    ctx.datelines = _datelines(text, gaz)
    return ctx


def _unbracketed(ent: Span) -> list[tuple[int, int]]:
    """Char ranges of an entity split at brackets and commas ("Quigley (USA)" -> two parts)."""
    parts, start = [], None
    for token in ent:
        if token.text in _BRACKETS:
            if start is not None:
                parts.append((start, token.idx))
            start = None
        elif start is None:
            start = token.idx
    if start is not None:
        parts.append((start, ent.end_char))
    return parts


def _add_actor(ctx: DocContext, text: str, actor: Actor, gaz: Gazetteer) -> None:
    names = [actor.name, *actor.aliases]
    if actor.kind == "person":
        ctx.person_names.update(name_key(name) for name in names)
        for name in names:
            if len(name.split()) > 1 and not gaz.lookup(name):
                ctx.person_words.update(name_key(name).split())
    elif actor.kind in ORG_KINDS:
        for name in names:
            if len(name.split()) > 1:
                ctx.org_spans.extend(m.span() for m in re.finditer(re.escape(name), text))


# A dateline inside a paragraph, after a sentence (web pages run the byline, the dateline and
# the story together): "... The Associated Press. WASHINGTON (AP) - President ...",
# "... upgraded to stable. MIDDLETOWN — Middletown High School ...", "NEWARK -- Unfortunately".
_CAPS = r"[A-Z][A-Z'’.\-]*[A-Z.](?: [A-Z][A-Z'’.\-]*[A-Z.])*"
INLINE_DATELINE = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\d{{4}}\s))(?P<place>{_CAPS})"
    r"(?:, (?P<area>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?(?P<agency> \([A-Za-z ]+\))?\s*(?:--|[-–—])\s"
)


def _datelines(text: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Char spans of the place parts of datelines (paragraph-initial, or after a sentence with
    an agency or a known place). A dash after the capitals ("SOCCER - ...") makes a dateline
    only with an agency or a known place."""
    spans = []
    for para in re.finditer(r"(?:^|\n\n)([^\n]+)", text):
        m = DATELINE_WITH_PLACE.match(para.group(1))
        if not m or (m.group("dash") and not m.group("agency") and not gaz.lookup(m.group("place"))):
            continue
        offset = para.start(1)
        spans.append((offset + m.start("place"), offset + m.end("place")))
        if m.group("area"):
            spans.append((offset + m.start("area"), offset + m.end("area")))
    for m in INLINE_DATELINE.finditer(text):
        if (m.start("place"), m.end("place")) in spans or not gaz.lookup(m.group("place")):
            continue
        spans.append((m.start("place"), m.end("place")))
        if m.group("area"):
            spans.append((m.start("area"), m.end("area")))
    return spans


def is_caps_text(span: Span) -> bool:
    """True if the sentence around `span` is written in capitals (headlines, datelines)."""
    words = [t for t in span.sent if t.is_alpha]
    return bool(words) and sum(t.is_upper for t in words) >= 0.7 * len(words)
