"""Locations: places of the story, geocoded offline.

Mentions come from three sources, in this order of trust:

1. spaCy GPE/LOC/FAC entities (trimmed of "the" and a possessive, extended
   by a following "province"/"governorate"/...), minus demonyms, places
   inside organisation names and words that are people's names here;
2. datelines ("LONDON 1996-08-30"): always places;
3. gazetteer matches on capitalised words the small model missed or
   mislabelled (ORG, PERSON, none), accepted only with evidence: a country
   or region name, a place context ("in Raqqah", "Goma, Zaire"), or a city in
   a country the story is about.

`inner.py` adds the places inside longer names ("Gainesville Police Department" ->
Gainesville; "Jackson and Barrow counties") and leaves streets and local roads out.

Each mention is resolved by `generator.geo` (GeoNames gazetteer compiled into
one SQLite file, and a resolver that reads the whole article: "City, State",
datelines, the story's other places, then population); names it does not know
fall back to `gazetteer.py`'s lists. Mentions of one place ("U.S.", "the
United States") become one Location with aliases and the place's identity
(`geonameid`, `admin1`, `kind`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

from spacy.tokens import Doc, Span, Token

from generator.briefing import Actor, Location
from generator.briefing.model import LocationKind
from generator.extract.locations.context import DocContext, doc_context, is_caps_text
from generator.extract.locations.coordinates import coordinate_mentions
from generator.extract.locations.gazetteer import Gazetteer, Place, load_gazetteer, name_key
from generator.extract.locations.inner import (
    compass_queries,
    county_list_mentions,
    institution_mentions,
    is_road,
    named_place,
)
from generator.extract.locations.mention import Mention
from generator.extract.locations.words import (
    local_heads,
    not_places,
    org_heads,
    place_cues,
    street_heads,
    strong_cues,
    unit_nouns,
)
from generator.geo.gazetteer import Place as GeoPlace
from generator.geo.gazetteer import load_gazetteer as load_geo_gazetteer
from generator.geo.resolver import Toponym
from generator.geo.resolver import resolve as resolve_toponyms

ENT_LABELS = frozenset({"GPE", "LOC", "FAC"})
LEADING_WORDS = frozenset({"the", "a", "an"})
ORG_LINKS = frozenset({"of", "for", "and", "the", "&"})
ARTICLE_PREFIX_RE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az)-[A-Z]")
MAX_GAZ_TOKENS = 4
BIG_CITY = 1_000_000  # a gazetteer-only city this big needs no other evidence
BIG_REGION = 1_000_000  # towns' population of a first-level region named without other evidence


def extract_locations(doc: Doc, actors: list[Actor]) -> list[Location]:
    """Return one Location per distinct place, in order of first mention."""
    return [location for location, _ in find_locations(doc, actors)]


def find_locations(doc: Doc, actors: list[Actor]) -> list[tuple[Location, list[Mention]]]:
    """Each distinct place of `doc` with the mentions that name it, in order of first mention."""
    gaz = load_gazetteer()
    ctx = doc_context(doc, actors, gaz)
    mentions = _entity_mentions(doc, ctx, gaz)
    mentions += _dateline_mentions(doc, ctx, _covered(mentions))
    mentions += _facility_mentions(doc, ctx, gaz, _covered(mentions))
    mentions += coordinate_mentions(doc, _covered(mentions))
    mentions += _demonym_mentions(doc, ctx, _covered(mentions))
    mentions += _org_prefix_mentions(doc, gaz, _covered(mentions))
    mentions = _inner_places(doc, ctx, mentions)
    _story_countries(mentions, ctx, gaz)
    mentions += _gazetteer_mentions(doc, ctx, gaz, _covered(mentions))
    mentions = [
        m for m in mentions
        if m.source == "dateline" or not (is_road(m.span) or name_key(m.text) in _not_place_keys())
    ]
    mentions.sort(key=lambda m: m.span.start)
    compass_queries(mentions, load_geo_gazetteer())
    _resolve_geo(doc, mentions)
    named = {m.geo.id for m in mentions if m.geo is not None and m.source != "demonym"}
    mentions = [m for m in mentions if m.source != "demonym" or (m.geo is not None and m.geo.id in named)]
    town = _home_town(mentions, ctx)
    for mention in mentions:
        if mention.geo is not None:
            continue
        head = mention.span[-1].lower_
        if mention.place is None:
            mention.place = resolve(gaz.lookup(mention.text), ctx.countries, mention.unit)
        if mention.place is None and mention.source in ("ent", "facility") and head not in street_heads():
            mention.place = _named_after(mention, ctx, mentions)
        if mention.place is None and town is not None and head in local_heads():
            key = f"near:{name_key(mention.span.text)}"
            mention.place = Place(key, mention.span.text, "other", town.country, town.lat, town.lon)
    return _group(mentions)


def _inner_places(doc: Doc, ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Add the towns institutions are named for (dropping the institutions' names) and the
    names of county lists."""
    geo = load_geo_gazetteer()
    found, replaced = institution_mentions(doc, ctx, geo, mentions)
    gone = {id(m) for m in replaced}
    mentions = [m for m in mentions if id(m) not in gone] + found
    listed, queries = county_list_mentions(doc, geo, _covered(mentions))
    for m in mentions:
        if m.span.start in queries and m.query is None:
            m.query = queries[m.span.start]
    return mentions + listed


def _home_town(mentions: list[Mention], ctx: DocContext) -> GeoPlace | None:
    """The article's town: its dateline's, else the town it names most (at least twice)."""
    towns = [m.geo for m in mentions if m.geo is not None and m.geo.kind == "city"]
    starts = {start for start, _ in ctx.datelines}
    dateline = next((m.geo for m in mentions if m.span.start_char in starts and m.geo in towns), None)
    if dateline is not None:
        return dateline
    counts: dict[int, int] = {}
    for town in towns:
        counts[town.id] = counts.get(town.id, 0) + 1
    best = max(towns, key=lambda t: counts[t.id], default=None)
    return best if best is not None and counts[best.id] >= 2 else None


def geocoded_share(locations: Iterable[Location]) -> float:
    """Share of locations that have coordinates (0.0 for none)."""
    locations = list(locations)
    if not locations:
        return 0.0
    return sum(loc.lat is not None and loc.lon is not None for loc in locations) / len(locations)


# -- resolution ------------------------------------------------------------------------------


def _resolve_geo(doc: Doc, mentions: list[Mention]) -> None:
    """Resolve every name mention together, so that each is read against the others."""
    named = [m for m in mentions if m.place is None]
    toponyms = [Toponym(m.query or m.span.text, m.span.start_char, m.span.end_char) for m in named]
    for mention, place in zip(named, resolve_toponyms(doc.text, toponyms, load_geo_gazetteer()), strict=True):
        mention.geo = place


def resolve(candidates: list[Place], countries: set[str], unit: bool = False) -> Place | None:
    """Pick the place a name means: a country first; with a unit noun, a province/region;
    otherwise one in the story's countries, then the most populous."""
    if not candidates:
        return None
    if unit:
        subs = [p for p in candidates if p.kind == "region"]
        candidates = subs or candidates
    else:
        countries_ = [p for p in candidates if p.kind == "country"]
        if countries_:
            return countries_[0]
    return max(candidates, key=lambda p: (p.country in countries, p.population))


def _named_after(mention: Mention, ctx: DocContext, mentions: list[Mention]) -> Place | None:
    """A facility or landform named after a place ("Mosul Dam", "Cavan Town Hall", "Town of
    Groton") is placed at that place: an approximation, kept as kind "other"."""
    resolved = {name_key(m.span.text): m.geo for m in mentions if m.geo is not None}
    found = named_place(mention.span, resolved, load_geo_gazetteer(), ctx.countries)
    if found is None:
        return None
    key = f"near:{name_key(mention.span.text)}"
    return Place(key, mention.span.text, "other", found.country, found.lat, found.lon)


def _story_countries(mentions: list[Mention], ctx: DocContext, gaz: Gazetteer) -> None:
    """Add the countries named outright (or as the country of an unambiguous place) to the context."""
    for m in mentions:
        places = gaz.lookup(m.text)
        codes = {p.country for p in places if p.country}
        if any(p.kind == "country" for p in places) or len(codes) == 1:
            ctx.countries.update(p.country for p in places[:1] if p.country)


# -- mentions from spaCy entities ------------------------------------------------------------


def _entity_mentions(doc: Doc, ctx: DocContext, gaz: Gazetteer) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ENT_LABELS:
            continue
        span = _trim(ent)
        if span is None or not _plausible_name(span):
            continue
        if gaz.demonym(span.text) or ctx.inside_org(span.start_char, span.end_char):
            continue
        places = gaz.lookup(span.text)
        if _looks_like_person(span, places, ctx) or _in_org_phrase(span):
            continue
        if not places and _in_longer_name(span):
            continue
        mentions.append(_with_unit(Mention(span, span.text, "ent")))
    return mentions


def _trim(span: Span) -> Span | None:
    """Drop leading articles and a trailing possessive; None if nothing is left."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in LEADING_WORDS:
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end] if end > start else None


def _plausible_name(span: Span) -> bool:
    """A place name starts with a capital letter and has no markup debris ("officer.[3")."""
    text = span.text
    capital = text[:1].isupper() or bool(ARTICLE_PREFIX_RE.match(text))
    if name_key(text) in _not_place_keys():
        return False
    return capital and "[" not in text and "]" not in text and any(c.isalpha() for c in text)


@lru_cache(maxsize=1)
def _not_place_keys() -> frozenset[str]:
    return frozenset(name_key(word) for word in not_places())


def _looks_like_person(span: Span, places: list[Place], ctx: DocContext) -> bool:
    """A GPE that is (part of) a person's name in this article, and no country."""
    if any(p.kind in ("country", "region") for p in places):
        return False
    if ctx.is_person_word(span.text):
        return True
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.ent_type_ == "PERSON" and t.is_title for t in neighbours)


def _with_unit(m: Mention) -> Mention:
    """Extend "Kirkuk" to "Kirkuk province" when a unit noun follows."""
    doc, end = m.span.doc, m.span.end
    if end < len(doc) and doc[end].lower_ in unit_nouns():
        m.span = doc[m.span.start : end + 1]
        m.unit = True
    elif m.span[-1].lower_ in unit_nouns() and len(m.span) > 1:
        m.unit = True
        m.text = m.span[:-1].text
        return m
    else:
        return m
    m.text = m.span[:-1].text
    return m


# -- datelines -------------------------------------------------------------------------------


def _dateline_mentions(doc: Doc, ctx: DocContext, covered: set[int]) -> list[Mention]:
    mentions = []
    for start, end in ctx.datelines:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.i in covered for t in span):
            continue
        mentions.append(Mention(span, span.text, "dateline"))
    return mentions


# -- facilities and landforms ("Mosul Dam", "Changi Prison") -----------------------------------


def _facility_mentions(doc: Doc, ctx: DocContext, gaz: Gazetteer, covered: set[int]) -> list[Mention]:
    """Capitalised phrases ending in a facility/landform noun, not inside an organisation name."""
    mentions = []
    for token in doc:
        if token.lower_ not in gaz.facility_heads or not token.text[:1].isupper() or token.i in covered:
            continue
        start = token.i
        while start > 0 and _name_part(doc[start - 1]) and start - 1 not in covered:
            start -= 1
        span = doc[start : token.i + 1]
        if len(span) < 2 or ctx.inside_org(span.start_char, span.end_char) or _in_org_phrase(span):
            continue
        if any(t.ent_type_ == "PERSON" for t in span) and not gaz.lookup(span[0].text):
            continue
        mentions.append(Mention(span, span.text, "facility"))
    return mentions


def _name_part(token: Token) -> bool:
    return (token.text[:1].isupper() and (token.is_alpha or "-" in token.text)) or token.text in ("-", "al")


# -- a country or state leading an organisation's name ("U.S. Defense Department") -----------


def _org_prefix_mentions(doc: Doc, gaz: Gazetteer, covered: set[int]) -> list[Mention]:
    """The country or first-level region an organisation is named for is a place of the story
    ("U.S." in "the U.S. Defense Department", "Texas" in "Texas Department of Transportation");
    towns are not ("Washington Post", "Boston Globe" name newspapers, not where news happened)."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        span = _trim(ent)
        if span is None or len(span) < 2 or any(t.i in covered for t in span):
            continue
        for n in range(min(3, len(span) - 1), 0, -1):
            prefix = span[:n]
            if not prefix[-1].text[:1].isupper() or not span[n].text[:1].isupper():
                continue
            places = gaz.lookup(prefix.text)
            if any(p.kind == "city" and p.population >= 100_000 for p in places):
                break  # "Washington Post", "New York Times": named for a city
            if any(_big_area(p) for p in places):
                mentions.append(Mention(prefix, prefix.text, "org_prefix"))
                break
    return mentions


def _big_area(place: Place) -> bool:
    """A country or a big first-level region (not a world region: "Middle East Minister")."""
    if place.kind == "country":
        return True
    return place.kind == "region" and place.country is not None and place.population >= BIG_REGION


# -- demonyms ("Syrian", "Iraqis", "European") ------------------------------------------------


def _demonym_mentions(doc: Doc, ctx: DocContext, covered: set[int]) -> list[Mention]:
    """Nationality adjectives and plurals ("Syrian", "Iraqis", "European"): they join their
    country's or region's Location as aliases when the article also names it (alone, "American
    veterans" is no place of the story)."""
    geo = load_geo_gazetteer()
    mentions = []
    for token in doc:
        if token.i in covered or not token.is_title or not token.is_alpha or token.ent_type_ == "PERSON":
            continue
        if ctx.is_person_word(token.text) or not geo.is_demonym(token.text):
            continue
        mentions.append(Mention(doc[token.i : token.i + 1], token.text, "demonym"))
    return mentions


# -- gazetteer matches on words spaCy missed -------------------------------------------------


def _gazetteer_mentions(doc: Doc, ctx: DocContext, gaz: Gazetteer, covered: set[int]) -> list[Mention]:
    mentions: list[Mention] = []
    i = 0
    while i < len(doc):
        match = None if i in covered or not _capitalised(doc[i]) else _longest_match(doc, i, gaz, covered)
        if match is not None and _accept(match, ctx, gaz):
            mentions.append(_with_unit(Mention(match, match.text, "gazetteer")))
            i = match.end
        else:
            i += 1
    return mentions


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and len(token.text) > 1


def _longest_match(doc: Doc, i: int, gaz: Gazetteer, covered: set[int]) -> Span | None:
    for n in range(MAX_GAZ_TOKENS, 0, -1):
        end = i + n
        if end > len(doc) or any(j in covered for j in range(i, end)) or not _capitalised(doc[end - 1]):
            continue
        span = doc[i:end]
        if any(t.is_space or t.text in ",;:()" for t in span):
            continue
        if gaz.lookup(span.text):
            return span
    return None


def _accept(span: Span, ctx: DocContext, gaz: Gazetteer) -> bool:
    """Evidence that a gazetteer match really is a place of the story."""
    if name_key(span.text) in _not_place_keys():
        return False
    if not _whole_entity(span, ctx) or ctx.inside_org(span.start_char, span.end_char) or _in_org_phrase(span):
        return False
    caps = is_caps_text(span)
    if gaz.demonym(span.text) or (not caps and _in_longer_name(span)):
        return False
    places = gaz.lookup(span.text)
    common = gaz.is_common_word(span.text)
    if any(_known_area(p, ctx) for p in places) and not common:
        return True
    if len(span.text) < 3 or span[-1].tag_.startswith("JJ") or ctx.is_person_word(span.text):
        return False
    if common or name_key(span.text) in ctx.person_names:
        return _place_cue(span, strong=common)
    if caps:
        return any(p.kind == "city" and p.population >= 100_000 for p in places)
    cue = _place_cue(span)
    if _followed_by_number(span) and not cue:
        return False
    in_story = any(p.country in ctx.countries for p in places)
    big = any(p.kind == "city" and p.population >= BIG_CITY for p in places)
    return cue or in_story or big


def _known_area(place: Place, ctx: DocContext) -> bool:
    """A country, a world region, a county by its full name, or a first-level region of a
    story country or of a big region elsewhere ("Kentucky", "Ontario"; not Sri Lanka's
    "Western" province in a story about Oregon)."""
    if place.kind in ("country", "county") or (place.kind == "region" and place.country is None):
        return True
    return place.kind == "region" and (place.country in ctx.countries or place.population >= BIG_REGION)


def _whole_entity(span: Span, ctx: DocContext) -> bool:
    """The match is not part of a longer spaCy entity (other than a leading "the" or unit noun)."""
    for token in (span[0], span[-1]):
        if token.ent_type_ not in ("ORG", "PERSON", "EVENT", "LAW"):
            continue
        ent = ctx.entity_at(token.i)
        trimmed = _trim(ent)
        if trimmed is None:
            return False
        extra = [t for t in trimmed if t.i < span.start or t.i >= span.end]
        if any(t.lower_ not in unit_nouns() for t in extra):
            return False
    return True


def _in_longer_name(span: Span) -> bool:
    """A capitalised word right before or after (same sentence) makes it part of another name."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and _capitalised(after) and after.sent == span.sent and not after.is_sent_start:
        return after.lower_ not in unit_nouns()
    return (
        before is not None
        and _capitalised(before)
        and before.lower_ not in LEADING_WORDS
        and before.ent_type_ != "NORP"
        and not span[0].is_sent_start
        and not (before.is_sent_start and before.is_stop)  # "In Euclid, ..."
    )


def _place_cue(span: Span, strong: bool = False) -> bool:
    """ "in X", "city of X", "X province", "X, Country" / "X, State" (`strong`: not "in X")."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "of":
        k -= 1
    if k >= 0 and doc[k].lower_ in (strong_cues() if strong else place_cues()):
        return True
    end = span.end
    if end < len(doc) and doc[end].lower_ in unit_nouns():
        return True
    if k >= 1 and doc[k].text == "," and doc[k - 1].ent_type_ in ENT_LABELS:
        return True
    if end + 1 < len(doc) and doc[end].text == "," and _capitalised(doc[end + 1]):
        return any(p.kind in ("country", "region") for p in load_gazetteer().lookup(doc[end + 1].text))
    return False


def _in_org_phrase(span: Span) -> bool:
    """Walk back over "of/for/and/the" and linked capitalised words: an organisation or office
    head right before a link ("Ministry of", "Minister for the", "State of Iraq and the")
    owns the place name; an unlinked capitalised word ("Tono Eitel of") ends the walk."""
    doc = span.doc
    k = span.start - 1
    if k < 0 or doc[k].lower_ not in ORG_LINKS or doc[k + 1].is_sent_start:
        return False
    while k >= 0 and doc[k].lower_ in ORG_LINKS:
        while k >= 0 and doc[k].lower_ in ORG_LINKS and not doc[k + 1].is_sent_start:
            k -= 1
        if k < 0 or not doc[k].text[:1].isupper() or doc[k + 1].is_sent_start:
            return False
        if doc[k].lower_ in org_heads():
            return True
        k -= 1
    return False


def _followed_by_number(span: Span) -> bool:
    """Score-table rows ("Pohang 3 Ulsan 2") name clubs, not places."""
    end = span.end
    return end < len(span.doc) and span.doc[end].like_num


def _covered(mentions: list[Mention]) -> set[int]:
    return {t.i for m in mentions for t in m.span}


# -- grouping --------------------------------------------------------------------------------


def _group(mentions: list[Mention]) -> list[tuple[Location, list[Mention]]]:
    """One Location per place (or per unresolved name), first surface form as its name."""
    groups: dict[str, list[Mention]] = {}
    by_text: dict[str, str] = {}
    for m in mentions:
        text_key = name_key(m.text)
        own = f"geo:{m.geo.id}" if m.geo else m.place.key if m.place else f"text:{text_key}"
        key = by_text.get(text_key) or own
        by_text.setdefault(text_key, key)
        groups.setdefault(key, []).append(m)
    return [(_location(ms), ms) for ms in groups.values()]


def _location(mentions: list[Mention]) -> Location:
    first = mentions[0]
    geo = next((m.geo for m in mentions if m.geo), None)
    place = geo or next((m.place for m in mentions if m.place), None)
    names: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.source == "demonym"):
        surface = m.span.text
        names.setdefault(name_key(surface), surface)
        if m.unit:
            names.setdefault(name_key(m.text), m.text)
    name, *aliases = names.values()
    return Location(
        name=name,
        kind=_kind(first, place),
        country=place.country if place else None,
        geonameid=geo.geonameid if geo else None,
        admin1=geo.admin1 if geo else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        aliases=aliases,
        mentions=len(mentions),
        sentence=first.span.sent.text.strip(),
    )


def _kind(mention: Mention, place: Place | GeoPlace | None) -> LocationKind:
    if place is not None:
        # The gazetteers' kinds are location kinds ("province" is a first-level region).
        return "region" if place.kind == "province" else cast(LocationKind, place.kind)
    if mention.source == "dateline":
        return "city"
    return "other"
