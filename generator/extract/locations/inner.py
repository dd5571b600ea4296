"""Places inside longer names, and names that are no places of the story.

- a town or county that an institution is named for: "Gainesville Police Department",
  "Clarke County Board of Education", "Fort Mill High School", and the town of people
  ("Camarillo resident", "Newark police"): the town is the place, the whole name is not;
- the names of a list before a plural unit noun: "Jackson and Barrow counties";
- roads and streets ("Route 4", "Main Street", "Memphis St."): addresses, left out;
- the place a facility is named after ("Cavan Town Hall", "Town of Groton");
- the place a part of it is named after: "Northeast Georgia" is placed where Georgia is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract.locations.context import DocContext
from generator.extract.locations.mention import Mention
from generator.extract.locations.words import (
    compass_words,
    institution_words,
    local_heads,
    not_places,
    plural_units,
    road_prefixes,
    street_heads,
)
from generator.geo.gazetteer import Gazetteer as GeoGazetteer
from generator.geo.gazetteer import Place as GeoPlace
from generator.geo.keys import name_key

MAX_PLACE_TOKENS = 3
MIN_TOWN = 1000  # a smaller town is too often a word that happens to name one
BIG_TOWN = 15_000  # a facility may be named after a town this big of a story country
STREET_ABBREVIATIONS = frozenset({"st", "ave", "rd", "blvd", "hwy"})
LEADING_WORDS = frozenset({"the", "a", "an"})
LIST_LINKS = frozenset({",", "and", "or", "&", "/"})
PLACE_KINDS = frozenset({"city", "county", "region", "country"})


def is_road(span: Span) -> bool:
    """ "Main Street", "West Broad Street", "Memphis St.", "Route 4", "County Road 35"."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2:
        return False
    tail = len(words)
    while tail > 1 and (words[tail - 1].like_num or name_key(words[tail - 1].text) in compass_words()):
        tail -= 1  # "Eglinton Avenue West", "County Road 35"
    if words[tail - 1].lower_ in street_heads() and tail > 1:
        return True  # not "Ross Street Community Centre": a centre on a street
    if name_key(words[-1].text) in STREET_ABBREVIATIONS:
        return True
    return any(
        t.lower_ in road_prefixes() and t.i + 1 < len(t.doc) and t.doc[t.i + 1].like_num for t in span
    )


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and len(token.text) > 1


def _starts_name(doc: Doc, i: int) -> bool:
    """Token `i` starts a capitalised name: nothing capitalised right before it in its sentence."""
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return not _capitalised(before) or before.lower_ in LEADING_WORDS


def _town_size(
    span: Span, ctx: DocContext, geo: GeoGazetteer, kinds: frozenset[str] = PLACE_KINDS
) -> int | None:
    """The population of the biggest place `span` names by its own name (None: no place)."""
    text = span.text
    key = name_key(text)
    if key in not_places() or geo.is_demonym(text) or ctx.is_person_word(text):
        return None
    if any(t.ent_type_ == "PERSON" or t.is_stop for t in span):
        return None
    if span[0].is_sent_start and len(span) == 1 and span[0].pos_ != "PROPN":
        return None  # "Most school districts ...", "Public health ..."
    sizes = [
        p.population for p, primary in geo.matches(text)
        if primary and p.kind in kinds and (p.kind != "city" or p.population >= MIN_TOWN)
    ]
    return max(sizes) if sizes else None


def institution_mentions(
    doc: Doc, ctx: DocContext, geo: GeoGazetteer, mentions: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """The towns and counties institutions and people are named for; returns (new mentions,
    the existing mentions they replace: longer names that contain them)."""
    own = {(m.span.start, m.span.end) for m in mentions}
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        span = _institution_place(doc, i, ctx, geo)
        if span is None:
            i += 1
            continue
        if (span.start, span.end) not in own and not any(_overlaps(m.span, span) for m in mentions):
            found.append(Mention(span, span.text, "embedded"))
        i = span.end
    replaced = [
        m for m in mentions
        if m.source in ("ent", "facility") and any(_contains(m.span, f.span) for f in found)
    ]
    return found, replaced


def _contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and len(outer) > len(inner)


def _overlaps(other: Span, span: Span) -> bool:
    """`other` shares tokens with `span` without containing it."""
    shared = other.start < span.end and span.start < other.end
    return shared and not (other.start <= span.start and span.end <= other.end)


def _institution_place(doc: Doc, i: int, ctx: DocContext, geo: GeoGazetteer) -> Span | None:
    """The place name starting at token `i` that an institution word follows; of several
    readings, the one naming the biggest place ("Cambridge" in "Cambridge City Council", not
    the small Cambridge City of Indiana)."""
    if not _capitalised(doc[i]) or doc[i].lower_ in LEADING_WORDS or not _starts_name(doc, i):
        return None
    best: tuple[int, Span] | None = None
    for n in range(MAX_PLACE_TOKENS, 0, -1):
        end = i + n
        if end >= len(doc) or not all(_capitalised(t) for t in doc[i:end]):
            continue
        if doc[end].lower_ not in institution_words() or doc[end].is_sent_start:
            continue
        if geo.matches(doc[i : end + 1].text):
            continue  # the word belongs to the name: "New York City", "Kansas City"
        span = doc[i:end]
        size = _town_size(span, ctx, geo)
        if size is not None and n > 1 and span[-1].lower_ == "city":
            head = _town_size(span[:-1], ctx, geo, kinds=frozenset({"city"}))
            if head is not None and head > size:  # "Cambridge City Council": Cambridge's council
                size, span = head, span[:-1]
        if size is not None and (best is None or size > best[0]):
            best = (size, span)
    return best[1] if best else None


def county_list_mentions(
    doc: Doc, geo: GeoGazetteer, covered: set[int]
) -> tuple[list[Mention], dict[int, str]]:
    """ "Jackson and Barrow counties": each name of the list, to be resolved as "Jackson County".
    Returns the new mentions and, for names already found (by the token they start at), the
    query they are to be resolved by."""
    found: list[Mention] = []
    queries: dict[int, str] = {}
    for token in doc:
        unit = plural_units().get(token.lower_)
        if unit is None:
            continue
        for name in _listed_names(doc, token.i):
            span = _county_name(name, unit, geo)
            if span is None:
                continue
            query = f"{span.text} {unit.title()}"
            if any(t.i in covered for t in span):
                queries[span.start] = query
            else:
                found.append(Mention(span, span.text, "county_list", query=query))
    return found, queries


def _county_name(name: Span, unit: str, geo: GeoGazetteer) -> Span | None:
    """The longest end of `name` that names a county with `unit` ("Small Hitchcock" -> "Hitchcock")."""
    for k in range(len(name)):
        part = name[k:]
        if any(p.kind == "county" for p in geo.candidates(f"{part.text} {unit}")):
            return part
    return None


def _listed_names(doc: Doc, unit_i: int) -> list[Span]:
    """The capitalised names before `unit_i`, joined by commas, "and", "or" and slashes."""
    names: list[Span] = []
    k = unit_i - 1
    while k >= 0:
        end = k + 1
        while k >= 0 and _capitalised(doc[k]) and end - k <= MAX_PLACE_TOKENS:
            if doc[k + 1].is_sent_start:
                break
            k -= 1
        if k + 1 == end:
            break
        names.append(doc[k + 1 : end])
        if k < 0 or doc[k].lower_ not in LIST_LINKS:
            break
        k -= 1
        if k >= 0 and doc[k].lower_ in LIST_LINKS:  # ", and"
            k -= 1
    return names[::-1]


def named_place(
    span: Span, resolved: dict[str, GeoPlace], geo: GeoGazetteer, countries: set[str]
) -> GeoPlace | None:
    """The place a longer name is named after: a part of it that the article names on its own
    (as resolved there), else its leading words when they name a town of a region the article
    is about, or a big town of a story country ("Mosul Dam"). Generic words never count
    ("Center", "Medical": no town of Connecticut)."""
    regions = {p.region for p in resolved.values() if p.region}
    words = [t for t in span]
    parts = [span[i:j] for n in range(len(words) - 1, 0, -1) for i in range(len(words) - n + 1)
             for j in [i + n]]
    parts = [p for p in parts if all(_capitalised(t) or t.text in "-'’" for t in p) and not _generic(p)]
    for part in parts:
        if (place := resolved.get(name_key(part.text))) is not None and place.lat is not None:
            return place
    for part in parts:
        if part.start != span.start:
            continue
        places = [p for p, primary in geo.matches(part.text) if primary and p.kind in PLACE_KINDS
                  and p.lat is not None and (p.region in regions or (p.country in countries
                                                                     and p.population >= BIG_TOWN))]
        if places:
            return max(places, key=lambda p: p.population)
    return None


def _generic(part: Span) -> bool:
    """Only words that any facility name may hold ("Town Hall", "Regional", "Center")."""
    generic = local_heads() | institution_words() | not_places()
    return all(t.lower_ in generic or t.is_stop or (t.ent_type_ == "" and not t.is_title) for t in part)


def compass_queries(mentions: list[Mention], geo: GeoGazetteer) -> None:
    """ "Northeast Georgia", "S.E. Paris", "Columbus East": a part of a place that the gazetteer
    does not list is resolved as the place (with the article's other names)."""
    for m in mentions:
        words = [t for t in m.span if not t.is_punct or t.text == "."]
        if m.query is not None or len(words) < 2 or geo.matches(m.span.text):
            continue
        if name_key(words[0].text) in compass_words():
            rest = m.span.doc[words[1].i : m.span.end]
        elif name_key(words[-1].text) in compass_words():
            rest = m.span.doc[m.span.start : words[-1].i]
        else:
            continue
        if rest.text and geo.matches(rest.text):
            m.query = rest.text
