"""Stated positions: who said what, quoted or reported."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.briefing import Actor, Position


def extract_positions(doc: Doc, actors: list[Actor], paragraph_starts: list[int]) -> list[Position]:
    """Return the article's attributed statements in reading order."""
    out = []
    for sent in doc.sents:
        for tok in sent:
            if tok.lemma_ == "say" and tok.pos_ == "VERB":
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj:
                    speaker = doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text
                    out.append(Position(speaker=speaker, kind="indirect", cue=tok.text,
                                        text=sent.text.strip(), sentence=sent.text.strip()))
    return out
