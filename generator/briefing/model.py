"""The briefing: the one data model that extraction writes and rendering reads.

Every list item keeps the sentence it came from (its evidence) so that a
reader can check it against the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, Literal

SCHEMA_VERSION = 2  # 2: numbers with unit, currency, low/high (was value_max), change; locations with
# geonameid/admin1, kind county, no province (migrate.py)

ActorKind = Literal["person", "organization", "group", "country", "media", "other"]
NumberKind = Literal["count", "money", "percent", "ordinal", "measure"]
ChangeDirection = Literal["up", "down"]
LocationKind = Literal["country", "region", "county", "city", "other"]
PositionKind = Literal["direct", "indirect"]
SpeakerKind = Literal["person", "organization", "document", "unnamed"]


@dataclass(slots=True)
class Source:
    name: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Actor:
    name: str
    kind: ActorKind = "other"
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    role: str | None = None
    mentions: int = 1
    sentence: str = ""
    reviewed: bool = False


@dataclass(slots=True)
class Number:
    value: float | int
    text: str
    kind: NumberKind = "count"
    subject: str | None = None
    sentence: str = ""
    low: float | int | None = None  # both ends of a range ("between $300bn and $400bn")
    high: float | int | None = None
    unit: str | None = None  # "USD", "%", "mph", "km", "tonnes", "years" (see generator/quantities)
    currency: str | None = None  # ISO 4217 code of money ("USD", "GBP", "MYR")
    change: ChangeDirection | None = None  # "up 3 %", "fell by $2bn": the number is a change
    reviewed: bool = False


@dataclass(slots=True)
class Location:
    name: str
    kind: LocationKind = "other"
    country: str | None = None
    geonameid: int | None = None  # GeoNames id: one place, whatever it is called
    admin1: str | None = None  # GeoNames first-level region code within `country` ("KY", "08")
    lat: float | None = None
    lon: float | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1
    sentence: str = ""
    reviewed: bool = False


@dataclass(slots=True)
class Position:
    speaker: str | None
    kind: PositionKind
    cue: str
    text: str
    sentence: str
    # The parts of `text` that stand inside quotation marks in the article, in order: the
    # only words a page may show in quotation marks (a direct position may go on past its
    # quotation, a reported one may quote a few words).
    quoted: list[str] = field(default_factory=list)
    speaker_kind: SpeakerKind = "unnamed"
    paragraph: int = 0
    reviewed: bool = False


@dataclass(slots=True)
class Briefing:
    id: str
    title: str
    source_file: str
    content_hash: str
    date: str | None = None
    source: Source = field(default_factory=Source)
    tags: list[str] = field(default_factory=list)
    # A wire copy or near-duplicate of an earlier article (duplicates.py): the original's id;
    # the original lists its copies. The site counts a copy's facts once, under the original.
    duplicate_of: str | None = None
    copies: list[str] | None = None
    summary: str = ""
    paragraphs: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    extractor: str = ""
    reviewed: bool = False
    schema: int = SCHEMA_VERSION
    # Digests of what the extractor wrote, to tell a hand edit from it (edits.py).
    fingerprints: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a plain dict in a stable key order, without empty optional keys."""
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        """Build a briefing from a dict that has already passed schema validation."""
        data = dict(data)
        data["source"] = Source(**(data.get("source") or {}))
        shared: dict[str, str] = {}
        for key, item_cls in (
            ("actors", Actor),
            ("numbers", Number),
            ("locations", Location),
            ("positions", Position),
        ):
            data[key] = [_build(item_cls, item, shared) for item in data.get(key) or []]
        return _build(cls, data)


# Item fields whose values repeat within a briefing (an evidence sentence serves several
# facts) or across briefings (kinds, units): one string each in memory, not one per fact.
# A site build holds every briefing at once (README, "Scale").
_SHARED = frozenset({"sentence", "kind", "speaker_kind", "cue", "unit", "currency", "country", "admin1"})


def _build(cls: type, data: dict[str, Any], shared: dict[str, str] | None = None) -> Any:
    known = _field_names(cls)
    values = {k: v for k, v in data.items() if k in known}
    if shared is not None:
        for key in _SHARED.intersection(values):
            value = values[key]
            if isinstance(value, str):
                values[key] = shared.setdefault(value, value)
    return cls(**values)


_KEEP_FALSE = {"reviewed"}


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order; () for any other type. (A large site asks a lot.)"""
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else ()


def as_plain(value: Any) -> Any:
    """A briefing item (or list of them) as the plain data written to YAML."""
    return _plain(value)


def _plain(value: Any) -> Any:
    """Dataclasses as dicts in field order, dropping None values and `reviewed: false` so
    briefings stay short to read. (Not `dataclasses.asdict`: its deep copies cost more than
    the rest of writing a large site's downloads.)"""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    names = _field_names(type(value))  # type: ignore[arg-type]  # classes are hashable
    if not names:
        return value
    out = {}
    for name in names:
        item = getattr(value, name)
        if item is None or (item is False and name in _KEEP_FALSE):
            continue
        out[name] = _plain(item)
    return out
