"""Locations: places of the story, geocoded offline."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.briefing import Actor, Location


def extract_locations(doc: Doc, actors: list[Actor]) -> list[Location]:
    """Return one Location per distinct place name, in order of first mention."""
    places: dict[str, Location] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        name = ent.text.strip()
        if name in places:
            places[name].mentions += 1
        else:
            places[name] = Location(name=name, sentence=ent.sent.text.strip())
    return list(places.values())
