"""The `briefing_actors` spaCy component: actors as `doc._.actors`, their mentions as spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.extract.actors.finder import find_actors
from generator.extract.doc_items import set_items


class ActorsComponent:
    """Writes `doc._.actors` (one dict per actor) and `doc.spans["actors"]` (one span per
    mention, labelled with the actor's kind, `span._.actor` = the actor's name)."""

    def __call__(self, doc: Doc) -> Doc:
        found = find_actors(doc)
        set_items(doc, "actors", [actor for actor, _ in found])
        spans = []
        for actor, mentions in found:
            for mention in mentions:
                span = Span(doc, mention.start, mention.end, label=actor.kind)
                span._.actor = actor.name
                spans.append(span)
        doc.spans["actors"] = sorted(spans, key=lambda s: s.start)
        return doc


@Language.factory("briefing_actors", assigns=["doc._.actors", "doc.spans"])
def create_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent()
