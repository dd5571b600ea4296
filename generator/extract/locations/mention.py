"""One place mention of an article, as the location rules pass it along."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from generator.extract.locations.gazetteer import Place
from generator.geo.gazetteer import Place as GeoPlace


@dataclass
class Mention:
    """One place mention: a token span, its trimmed text and its resolved place."""

    span: Span
    text: str
    source: str  # "ent", "dateline", "gazetteer", "embedded", "county_list", ...
    unit: bool = False  # followed by an administrative-unit noun
    place: Place | None = None
    geo: GeoPlace | None = None  # the GeoNames place, when the resolver knows the name
    query: str | None = None  # the name to resolve, when not the span's text ("Jackson County")
