"""The dataset as files a reader downloads: briefings.json, CSV tables and RSS feeds.

Deterministic output (sorted, no build timestamps), so CI diffs show only real changes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.render.escaping import anchor_id
from generator.render.feeds import SITE_FEED, entity_feeds, site_feed
from generator.render.pages import briefing_uri, entity_uri
from generator.render.quantity import format_quantity
from generator.render.quoting import quoting, with_quote_marks
from generator.render.site_index import SiteIndex
from generator.render.tags import tag_entries
from generator.render.urls import dest_url


@dataclass(frozen=True)
class DataFile:
    src_uri: str
    chunks: Iterable[str]  # written one by one: a large site's exports are hundreds of MB


def export_all(index: SiteIndex, site_url: str | None, site_name: str,
               use_directory_urls: bool = True) -> Iterator[DataFile]:
    """Every download, one at a time (a large site's exports are hundreds of MB): the full
    dataset as JSON, one CSV per list, the JSON the positions/numbers/map views read, the
    site's feed and one per actor, place and tag page (feeds.py)."""
    yield DataFile("data/briefings.json", _json(b.to_dict() for b in _by_id(index)))
    yield DataFile("data/actors.csv", _actors_csv(index))
    yield DataFile("data/numbers.csv", _numbers_csv(index))
    yield DataFile("data/locations.csv", _locations_csv(index))
    yield DataFile("data/positions.csv", _positions_csv(index))
    yield DataFile("data/positions.json", _json(_position_rows(index)))
    yield DataFile("data/numbers.json", _json(_number_rows(index)))
    yield DataFile("data/places.json", _json(_place_rows(index)))
    yield DataFile(SITE_FEED, [site_feed(index, site_url, site_name).decode("utf-8")])
    for uri, feed in entity_feeds(index, tag_entries(index), site_url, site_name, use_directory_urls):
        yield DataFile(uri, [feed.decode("utf-8")])


def write_exports(site_dir: Path, index: SiteIndex, site_url: str | None, site_name: str,
                  use_directory_urls: bool = True) -> int:
    """Write every download into the built site; return how many files."""
    count = 0
    for data in export_all(index, site_url, site_name, use_directory_urls):
        target = site_dir / data.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as handle:
            for chunk in data.chunks:
                handle.write(chunk)
        count += 1
    return count


def _by_id(index: SiteIndex):
    return sorted(index.briefings, key=lambda b: b.id)


def _json(items: Iterable) -> Iterator[str]:
    """A JSON array, one item at a time."""
    yield "["
    for number, item in enumerate(items):
        yield ("," if number else "") + json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    yield "]"


def _csv(header: list[str], rows) -> Iterator[str]:
    """CSV text, one row at a time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        # A cell starting with = + - @ is a formula in spreadsheets: prefix it so it stays text.
        writer.writerow(["'" + c if isinstance(c, str) and c and c[0] in "=+-@" else c for c in row])
        if out.tell() > 1 << 16:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _actors_csv(index: SiteIndex) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", a.name, a.kind, a.title or "", a.role or "", "; ".join(a.aliases),
         a.mentions, a.sentence]
        for b in _by_id(index) for a in b.actors
    )
    header = ["briefing", "date", "name", "kind", "title", "role", "aliases", "mentions", "sentence"]
    return _csv(header, rows)


def _numbers_csv(index: SiteIndex) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", n.value, "" if n.high is None else n.high, n.text,
         n.subject or "", n.kind, n.unit or "", n.currency or "", n.change or "", n.sentence]
        for b in _by_id(index) for n in b.numbers
    )
    header = ["briefing", "date", "value", "high", "text", "subject", "kind", "unit", "currency", "change",
              "sentence"]
    return _csv(header, rows)


def _locations_csv(index: SiteIndex) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", loc.name, loc.kind, loc.country or "",
         "" if loc.lat is None else loc.lat, "" if loc.lon is None else loc.lon, loc.mentions, loc.sentence]
        for b in _by_id(index) for loc in b.locations
    )
    header = ["briefing", "date", "name", "kind", "country", "lat", "lon", "mentions", "sentence"]
    return _csv(header, rows)


def _positions_csv(index: SiteIndex) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", p.speaker or "", p.speaker_kind, p.kind, quoting(p), p.cue,
         with_quote_marks(p.text, p.quoted), p.sentence]
        for b in _by_id(index) for p in b.positions
    )
    # `text` has quotation marks around the article's quoted words only; `quoting` says
    # whether it is all ("quoted"), partly ("partly quoted") or not at all a quotation.
    header = ["briefing", "date", "speaker", "speaker_kind", "kind", "quoting", "cue", "text", "sentence"]
    return _csv(header, rows)


def _position_rows(index: SiteIndex) -> Iterator[dict]:
    for b, p in index.all_positions():
        entry = index.actor_for(b, p.speaker)
        yield {
            "speaker": entry.name if entry else (p.speaker or ""),
            "actor": dest_url(entity_uri("actors", entry)) if entry and entry.has_page else None,
            "kind": p.kind, "cue": p.cue, "text": p.text, "quoted": p.quoted, "date": b.date or "",
            "briefing": b.title, "url": briefing_uri(b), "anchor": anchor_id(p.sentence),
            "tags": b.tags,
        }


def _number_rows(index: SiteIndex) -> Iterator[dict]:
    return (
        {"value": n.value, "high": n.high, "unit": n.unit, "currency": n.currency,
         "shown": format_quantity(n), "text": n.text, "subject": n.subject or "", "kind": n.kind,
         "date": b.date or "", "briefing": b.title, "url": briefing_uri(b), "anchor": anchor_id(n.sentence)}
        for b, n in index.all_numbers()
    )


def _place_rows(index: SiteIndex) -> list[dict]:
    return [
        {"name": e.name, "kind": e.kind, "country": e.country, "lat": e.lat, "lon": e.lon,
         "briefings": len(e.briefings), "url": dest_url(entity_uri("locations", e))}
        for e in sorted(index.locations.values(), key=lambda e: e.slug)
        if e.lat is not None and e.lon is not None
    ]
