"""Toponym resolution: which place each name of an article means.

The article decides, in this order of trust:

1. the name's own qualifier: "Lexington, Ky.", "London, Ontario", "Nice, France"
   (also a dateline "LEXINGTON, Ky. —"), and a unit word: "Kirkuk province",
   "Washington state", "Jackson County";
2. the article's other places: a candidate in a country or first-level region
   that the rest of the article is about wins ("Georgia" is the US state when
   the article names Atlanta; "London" is in Ontario when the article is about
   Ontario); then a candidate near the article's other towns;
3. the source's country, when the caller knows it;
4. the prior, only when the context says nothing: countries over regions over
   towns, national capitals, then population.

Resolution runs in two rounds: the first picks by qualifiers and priors, the
second re-scores every name against what the other names were resolved to.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from generator.geo.gazetteer import Gazetteer, Place
from generator.geo.keys import name_key
from generator.geo.words import unit_suffix, word_list

# The qualifier after a name: ", Ky.", ", North Carolina", ", W. Va.", ", KY".
_QUALIFIER_RE = re.compile(r"\s*,\s*((?:[A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?){0,3}))")
_KIND_PRIOR = {"country": 2.5, "region": -0.7, "county": -0.5, "city": 0.0, "other": -1.0}
CAPITAL_BONUS = 1.2
SOURCE_BONUS = 1.0
# Support from the other names (per log unit of their probability mass).
COUNTRY_WEIGHT = 1.0
REGION_WEIGHT = 3.0
NEAR_WEIGHT = 3.0
NEAR_KM = 100.0
ROUNDS = 3
SECONDARY_PENALTY = 1.0  # a town's alternate name, a county without "County"
MAX_CANDIDATES = 25
TEMPERATURE = 0.7  # in log10-population units: how sure a prior lead makes the round


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name as it stands in the article: its text and character span."""

    text: str
    start: int = -1
    end: int = -1


@dataclass
class _Slot:
    toponym: Toponym
    candidates: list[Place]
    secondary: frozenset[int] = frozenset()  # ids of places matched by a secondary name
    qualified: bool = False  # narrowed by an explicit qualifier or unit word
    choice: Place | None = None


def resolve(
    article: str,
    toponyms: list[Toponym],
    gaz: Gazetteer,
    source_country: str | None = None,
) -> list[Place | None]:
    """The place each toponym names (None when the gazetteer has no candidate)."""
    slots = [_slot(article, t, gaz) for t in toponyms]
    for slot in slots:
        _apply_qualifier(article, slot, slots, gaz)
    priors = [[_prior(p, slot, gaz, source_country) for p in slot.candidates] for slot in slots]
    probs = [_softmax(scores) for scores in priors]
    keys = [name_key(slot.toponym.text) for slot in slots]
    for _ in range(ROUNDS):
        masses = [_masses(slot, ps) for slot, ps in zip(slots, probs, strict=True)]
        probs = [
            _softmax([
                prior + _support(p, i, keys, slots, probs, masses)
                for p, prior in zip(slot.candidates, priors[i], strict=True)
            ])
            for i, slot in enumerate(slots)
        ]
    for slot, ps in zip(slots, probs, strict=True):
        slot.choice = slot.candidates[max(range(len(ps)), key=ps.__getitem__)] if ps else None
    return [slot.choice for slot in slots]


def _softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp((s - top) / TEMPERATURE) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _masses(slot: _Slot, probs: list[float]) -> tuple[dict[str, float], dict[str, float]]:
    """How much of a name's probability lies in each country and each first-level region."""
    countries: dict[str, float] = defaultdict(float)
    regions: dict[str, float] = defaultdict(float)
    for p, w in zip(slot.candidates, probs, strict=True):
        if p.country:
            countries[p.country] += w
        if p.region:
            regions[p.region] += w
    return countries, regions


def _support(
    p: Place,
    i: int,
    keys: list[str],
    slots: list[_Slot],
    probs: list[list[float]],
    masses: list[tuple[dict[str, float], dict[str, float]]],
) -> float:
    """What the article's other names say for `p`: their probability in p's country, in
    p's region, and (for towns) near p. Repeats of the same name do not count."""
    country = region = near = 0.0
    for j, (cm, rm) in enumerate(masses):
        if j == i or keys[j] == keys[i]:
            continue
        if p.country:
            country += cm[p.country]
        if p.region and p.kind != "country":
            region += rm[p.region]
        if p.kind in ("city", "county") and p.lat is not None:
            near += _near_mass(p, slots[j].candidates, probs[j])
    return (
        COUNTRY_WEIGHT * math.log1p(country)
        + REGION_WEIGHT * math.log1p(region)
        + NEAR_WEIGHT * math.log1p(near)
    )


def _near_mass(p: Place, candidates: list[Place], probs: list[float]) -> float:
    mass = 0.0
    for q, w in zip(candidates, probs, strict=True):
        if w < 0.05 or q.kind not in ("city", "county") or q.lat is None or q is p:
            continue
        d = haversine_km(p.lat, p.lon, q.lat, q.lon)  # type: ignore[arg-type]
        if d < NEAR_KM:
            mass += w * (1 - d / NEAR_KM)
    return mass


def _slot(article: str, t: Toponym, gaz: Gazetteer) -> _Slot:
    after_comma = t.start > 0 and article[: t.start].rstrip().endswith(",")
    found = gaz.matches(t.text, after_comma=after_comma, demonyms=True)
    unit = unit_suffix(t.text)
    if unit is not None:
        base, kinds = unit
        of_kind = [m for m in found if m[0].kind in kinds]
        if not of_kind:
            of_kind = [m for m in gaz.matches(base, after_comma=after_comma) if m[0].kind in kinds]
        found = of_kind or found
    if t.text.rpartition(" ")[2].casefold() in word_list("feature_words.txt"):
        found = [m for m in found if m[0].kind not in ("city", "county")]
    found = found[:MAX_CANDIDATES]
    return _Slot(t, [p for p, _ in found], frozenset(p.id for p, primary in found if not primary))


def _qualifier(article: str, t: Toponym, gaz: Gazetteer) -> tuple[str, int, list[Place]] | None:
    """The region or country named right after ", " (longest match first)."""
    if t.end < 0:
        return None
    m = _QUALIFIER_RE.match(article, t.end)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        text = " ".join(words[:n])
        places = [p for p in gaz.candidates(text, after_comma=True) if p.kind in ("region", "country")]
        if places:
            return text, m.start(1), places
    return None


def _inside(place: Place, area: Place) -> bool:
    if place.country != area.country or place is area:
        return False
    return area.kind == "country" or (place.admin1 is not None and place.admin1 == area.admin1)


def _apply_qualifier(article: str, slot: _Slot, slots: list[_Slot], gaz: Gazetteer) -> None:
    found = _qualifier(article, slot.toponym, gaz)
    if found is None:
        if unit_suffix(slot.toponym.text) is not None and slot.candidates:
            slot.qualified = True
        return
    _, start, areas = found
    inside = [p for p in slot.candidates if any(_inside(p, a) for a in areas)]
    if not inside:
        return
    slot.candidates, slot.qualified = inside, True
    used = [a for a in areas if any(_inside(p, a) for p in inside)]
    for other in slots:
        if other.toponym.start == start:
            kept = [p for p in other.candidates if p in used]
            if kept:
                other.candidates, other.qualified = kept, True


def _prior(p: Place, slot: _Slot, gaz: Gazetteer, source_country: str | None) -> float:
    """What a name says without the article: level of place, capital, population."""
    s = math.log10(p.population + 10) + _KIND_PRIOR.get(p.kind, 0.0)
    if p.id in slot.secondary:
        s -= SECONDARY_PENALTY
    if p.kind == "city" and gaz.is_capital(p):
        s += CAPITAL_BONUS
    if source_country and p.country == source_country:
        s += SOURCE_BONUS
    return s


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    r = math.pi / 180
    a = math.sin((lat2 - lat1) * r / 2) ** 2 + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin(
        (lon2 - lon1) * r / 2
    ) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


