"""The `briefing_locations` spaCy component: places as `doc._.locations`, mentions as spans.

Reads the actors from the Doc (`briefing_actors` must run first): a name that is an
organisation or a person in this article is not a place.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.extract.doc_items import actors, set_items
from generator.extract.locations.finder import find_locations


class LocationsComponent:
    """Writes `doc._.locations` (one dict per place) and `doc.spans["locations"]` (one span
    per mention, labelled with the place's kind, `span._.place` = the place's name)."""

    def __call__(self, doc: Doc) -> Doc:
        found = find_locations(doc, actors(doc))
        set_items(doc, "locations", [location for location, _ in found])
        spans = []
        for location, mentions in found:
            for mention in mentions:
                span = Span(doc, mention.span.start, mention.span.end, label=location.kind)
                span._.place = location.name
                spans.append(span)
        doc.spans["locations"] = sorted(spans, key=lambda s: s.start)
        return doc


@Language.factory("briefing_locations", requires=["doc._.actors"], assigns=["doc._.locations"])
def create_locations_component(nlp: Language, name: str) -> LocationsComponent:
    return LocationsComponent()
