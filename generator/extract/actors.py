"""Actors: people, organisations, groups and countries named in the article."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.briefing import Actor

_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}


def extract_actors(doc: Doc) -> list[Actor]:
    """Return one Actor per distinct name, in order of first mention."""
    actors: dict[str, Actor] = {}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if not kind:
            continue
        name = ent.text.strip()
        if name in actors:
            actors[name].mentions += 1
        else:
            actors[name] = Actor(name=name, kind=kind, sentence=ent.sent.text.strip())
    return list(actors.values())
