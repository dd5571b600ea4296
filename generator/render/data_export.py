"""The dataset as files a reader downloads: briefings.json and CSV tables, one gzip-compressed
set per month of briefing dates (data/<YYYY-MM>/..., data/undated/...) listed in data/index.json;
the rows the positions and numbers views read, one file per month (data/views/...); RSS feeds.

Deterministic output (sorted, no build timestamps, gzip without time or name), so CI diffs show
only real changes. No file grows with the whole site: each month is one file (issue #20).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.briefing import Briefing, Number, Position
from generator.render.escaping import anchor_id
from generator.render.feeds import SITE_FEED, entity_feeds, site_feed
from generator.render.pages import briefing_uri, entity_uri
from generator.render.quantity import format_quantity
from generator.render.quoting import quoting, with_quote_marks
from generator.render.site_index import SiteIndex, number_key, position_key
from generator.render.tags import tag_entries
from generator.render.urls import dest_url

UNDATED = "undated"  # the month folder of briefings without a date
DOWNLOADS = "data/index.json"  # the manifest of the monthly downloads
VIEWS = ("positions", "numbers")  # data/views/<view>/<month>.json.gz and .../index.json
NO_UNIT = "-"  # the unit filter's value for numbers without a unit (as in briefings.js)


@dataclass(frozen=True)
class DataFile:
    src_uri: str
    chunks: Iterable[str | bytes]  # written one by one; bytes for the compressed files


def write_data(target: Path, data: DataFile) -> None:
    """One download into `target`, chunk by chunk (text as UTF-8)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        for chunk in data.chunks:
            handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def month_of(briefing: Briefing) -> str:
    """The month folder of a briefing: `YYYY-MM` of its date, or `undated`."""
    date = briefing.date or ""
    return date[:7] if re.fullmatch(r"\d{4}-\d{2}", date[:7]) else UNDATED


def newest_first(months: Iterable[str]) -> list[str]:
    """Months newest first, `undated` last."""
    dated = sorted((m for m in months if m != UNDATED), reverse=True)
    return dated + ([UNDATED] if UNDATED in months else [])


def gzipped(chunks: Iterable[str]) -> bytes:
    """The text compressed the same way every time: no time stamp, no file name."""
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=6) as packed:
        for chunk in chunks:
            packed.write(chunk.encode("utf-8"))
    return out.getvalue()


def export_all(index: SiteIndex, site_url: str | None, site_name: str,
               use_directory_urls: bool = True) -> Iterator[DataFile]:
    """Every download, one at a time, at most one month compressed in memory: per month the
    dataset as JSON and one CSV per list (data/<month>/*.gz) and the rows the positions and
    numbers views read (data/views/<view>/<month>.json.gz), each with its manifest; the map's
    places; the site's feed and one per actor, place and tag page (feeds.py)."""
    by_month: dict[str, list[Briefing]] = {}
    for briefing in _by_id(index):
        by_month.setdefault(month_of(briefing), []).append(briefing)
    months = newest_first(by_month)
    listed = []
    for month in months:
        briefings = by_month[month]
        sizes = {}
        for name, chunks in (
                ("briefings.json", _json(b.to_dict() for b in briefings)),
                ("actors.csv", _actors_csv(briefings)),
                ("numbers.csv", _numbers_csv(briefings)),
                ("locations.csv", _locations_csv(briefings)),
                ("positions.csv", _positions_csv(briefings))):
            packed = gzipped(chunks)
            sizes[name + ".gz"] = len(packed)
            yield DataFile(f"data/{month}/{name}.gz", [packed])
        listed.append({"month": month, "briefings": len(briefings), "files": sizes})
    yield DataFile(DOWNLOADS, [_manifest(listed)])
    for view in VIEWS:
        shards = []
        choices: dict[str, Counter[str]] = {"unit": Counter(), "kind": Counter()}
        for month in months:
            kept = sorted(_view_rows(index, view, by_month[month]), key=lambda r: r["date"], reverse=True)
            if not kept:
                continue
            if view == "numbers":  # the unit and kind filters count every month's rows
                for key, counts in choices.items():
                    counts.update(row[key] or NO_UNIT for row in kept)
            packed = gzipped(_json(kept))
            shards.append({"month": month, "rows": len(kept), "file": f"{month}.json.gz",
                           "bytes": len(packed)})
            yield DataFile(f"data/views/{view}/{month}.json.gz", [packed])
        extra = {"choices": {k: dict(sorted(c.items())) for k, c in choices.items()}}
        if view != "numbers":
            extra = {}
        yield DataFile(f"data/views/{view}/index.json", [_manifest(shards, extra)])
    yield DataFile("data/places.json", _json(_place_rows(index)))
    yield DataFile(SITE_FEED, [site_feed(index, site_url, site_name).decode("utf-8")])
    for uri, feed in entity_feeds(index, tag_entries(index), site_url, site_name, use_directory_urls):
        yield DataFile(uri, [feed.decode("utf-8")])


def write_exports(site_dir: Path, index: SiteIndex, site_url: str | None, site_name: str,
                  use_directory_urls: bool = True) -> int:
    """Write every download into the built site; return how many files."""
    count = 0
    for data in export_all(index, site_url, site_name, use_directory_urls):
        write_data(site_dir / data.src_uri, data)
        count += 1
    return count


def _by_id(index: SiteIndex) -> list[Briefing]:
    return sorted(index.briefings, key=lambda b: b.id)


def _view_rows(index: SiteIndex, view: str, briefings: list[Briefing]) -> list[dict]:
    """The rows of one month for the positions or numbers view: as SiteIndex.all_positions and
    all_numbers, a copy's only where its original does not state it."""
    if view == "positions":
        return [_position_row(index, b, p) for b in briefings for p in b.positions
                if (b.id, position_key(p)) not in index.repeats]
    return [_number_row(b, n) for b in briefings for n in b.numbers
            if (b.id, number_key(n)) not in index.repeats]


def _manifest(items: list[dict], extra: dict | None = None) -> str:
    """A manifest, newest month first: small, so one item a line for a readable diff."""
    head = "".join(f"{json.dumps(key)}:{json.dumps(value, ensure_ascii=False, separators=(',', ':'))},\n"
                   for key, value in (extra or {}).items())
    return "{" + head + "\"months\":[\n" + ",\n".join(
        json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items) + "\n]}\n"


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


def _actors_csv(briefings: list[Briefing]) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", a.name, a.kind, a.title or "", a.role or "", "; ".join(a.aliases),
         a.mentions, a.sentence]
        for b in briefings for a in b.actors
    )
    header = ["briefing", "date", "name", "kind", "title", "role", "aliases", "mentions", "sentence"]
    return _csv(header, rows)


def _numbers_csv(briefings: list[Briefing]) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", n.value, "" if n.high is None else n.high, n.text,
         n.subject or "", n.kind, n.unit or "", n.currency or "", n.change or "", n.sentence]
        for b in briefings for n in b.numbers
    )
    header = ["briefing", "date", "value", "high", "text", "subject", "kind", "unit", "currency", "change",
              "sentence"]
    return _csv(header, rows)


def _locations_csv(briefings: list[Briefing]) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", loc.name, loc.kind, loc.country or "",
         "" if loc.lat is None else loc.lat, "" if loc.lon is None else loc.lon, loc.mentions, loc.sentence]
        for b in briefings for loc in b.locations
    )
    header = ["briefing", "date", "name", "kind", "country", "lat", "lon", "mentions", "sentence"]
    return _csv(header, rows)


def _positions_csv(briefings: list[Briefing]) -> Iterator[str]:
    rows = (
        [b.id, b.date or "", p.speaker or "", p.speaker_kind, p.kind, quoting(p), p.cue,
         with_quote_marks(p.text, p.quoted), p.sentence]
        for b in briefings for p in b.positions
    )
    # `text` has quotation marks around the article's quoted words only; `quoting` says
    # whether it is all ("quoted"), partly ("partly quoted") or not at all a quotation.
    header = ["briefing", "date", "speaker", "speaker_kind", "kind", "quoting", "cue", "text", "sentence"]
    return _csv(header, rows)


def _position_row(index: SiteIndex, b: Briefing, p: Position) -> dict:
    entry = index.actor_for(b, p.speaker)
    return {
        "speaker": entry.name if entry else (p.speaker or ""),
        "actor": dest_url(entity_uri("actors", entry)) if entry and entry.has_page else None,
        "kind": p.kind, "cue": p.cue, "text": p.text, "quoted": p.quoted, "date": b.date or "",
        "briefing": b.title, "url": briefing_uri(b), "anchor": anchor_id(p.sentence),
        "tags": b.tags,
    }


def _number_row(b: Briefing, n: Number) -> dict:
    return {"value": n.value, "high": n.high, "unit": n.unit, "currency": n.currency,
            "shown": format_quantity(n), "text": n.text, "subject": n.subject or "", "kind": n.kind,
            "date": b.date or "", "briefing": b.title, "url": briefing_uri(b),
            "anchor": anchor_id(n.sentence)}


def _place_rows(index: SiteIndex) -> list[dict]:
    return [
        {"name": e.name, "kind": e.kind, "country": e.country, "lat": e.lat, "lon": e.lon,
         "briefings": len(e.briefings), "url": dest_url(entity_uri("locations", e))}
        for e in sorted(index.locations.values(), key=lambda e: e.slug)
        if e.lat is not None and e.lon is not None
    ]
