"""Loading the spaCy pipeline, with our components, once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from generator.errors import ModelError

# Importing the components registers their factories with spaCy.
from generator.extract.actors import component as _actors  # noqa: F401
from generator.extract.locations import component as _locations  # noqa: F401
from generator.extract.model_name import DEFAULT_MODEL  # re-exported for callers
from generator.extract.numbers import component as _numbers  # noqa: F401
from generator.extract.positions import component as _positions  # noqa: F401
from generator.extract.text import paragraph_sentences as _paragraphs  # noqa: F401

ACTOR_PATTERNS = Path(__file__).parent / "actors" / "data" / "org_patterns.jsonl"
# In this order: locations and positions read the actors from the Doc.
COMPONENTS = ("briefing_actors", "briefing_numbers", "briefing_locations", "briefing_positions")


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline `model` (a package name or path) with the actor ruler and
    our extraction components added, loaded once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelError(
            f"spaCy model {model!r} is not installed: run `make install`, or set the model "
            "option to an installed English pipeline such as en_core_web_sm"
        ) from err
    add_briefing_components(nlp)
    return nlp


def add_briefing_components(nlp: Language) -> None:
    """Add the actor ruler and our four components to `nlp` (a parser and NER must be in it)."""
    add_paragraph_sentences(nlp)
    add_actor_ruler(nlp)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


def add_paragraph_sentences(nlp: Language) -> None:
    """Add `paragraph_sentences` before the parser: every sentence stays inside one paragraph,
    so every evidence sentence is one the page shows."""
    if "paragraph_sentences" in nlp.pipe_names:
        return
    first = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if first is not None:
        nlp.add_pipe("paragraph_sentences", before=first)
    else:
        nlp.add_pipe("paragraph_sentences", first=True)


def add_actor_ruler(nlp: Language) -> None:
    """Add an `entity_ruler` before "ner" that tags organisations the small model misses.

    The patterns (actors/data/org_patterns.jsonl) cover names such as "Operation X",
    "X Security Forces", "Ministry of X" and well-known groups ("ISIS", "NATO"); the
    statistical NER then labels the rest of the text around them.
    """
    if "actor_ruler" in nlp.pipe_names or not ACTOR_PATTERNS.exists():
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name="actor_ruler", before=before, config={"phrase_matcher_attr": "ORTH"}
    )
    assert isinstance(ruler, EntityRuler)
    ruler.from_disk(ACTOR_PATTERNS)
