"""Names of places among the names the model gave a person's or an organisation's label.

A place is an actor only when it acts ("Athens expelled the ambassador"); "a meet on Crete",
"the sea between Crete and Cyprus" and "Bermuda" alone name places.  In team sports copy a
lone place name is mostly a team ("Kent made up for lost time").  The gazetteer is the
locations component's (GeoNames cities and countries).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from generator.extract.actors.kinds import has_org_word, is_given_name
from generator.extract.actors.words import alias_groups, countries, norm
from generator.extract.locations.gazetteer import load_gazetteer


def is_place_text(text: str, sport: str | None) -> bool:
    """A country or a known place, outside sports copy."""
    return not sport and (norm(text) in countries() or bool(load_gazetteer().lookup(text)))


def is_place_name(token_span: Span, sport: str | None) -> bool:
    """A lone word that is a country or a known place and no given name ("Bermuda")."""
    return not is_given_name(token_span.text) and is_place_text(token_span.text, sport)


def is_place_list(span: Span, sport: str | None) -> bool:
    """ "Crete", "Crete and Cyprus" labelled as organisations: places, not known actors."""
    if norm(span.text) in alias_groups() or has_org_word(span.text):
        return False
    if len(span) == 1:
        return is_place_name(span, sport)
    parts = [p.strip() for p in re.split(r",|\band\b", span.text)]
    return len(parts) > 1 and all(p and is_place_text(p, sport) for p in parts)


def is_demonym(text: str) -> bool:
    """A nationality word ("Greek", "Iraqi")."""
    return load_gazetteer().demonym(text) is not None


def is_team_word(token_span: Span) -> bool:
    """In team sports copy a lone place name or plural name is a team: "Kent made up for lost
    time", "the Brewers rallied"."""
    token = token_span[0]
    if token.tag_ == "NNPS" or has_org_word(token.text):
        return True
    return bool(load_gazetteer().lookup(token.text))
