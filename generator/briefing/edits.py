"""Telling a hand edit from what the extractor wrote, so re-extraction never loses one silently.

The extractor stores a short digest of each field and of each list item it writes
(`Briefing.fingerprints`). Before a briefing is re-extracted, the digests of what is in the
file now are compared with the stored ones: a field or an item that no longer matches was
edited (or added, or removed) by hand. Items marked `reviewed: true` are the analyst's
declared edits and never count.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.briefing.model import Briefing, as_plain

SCALAR_FIELDS = ("title", "date", "source", "tags", "summary")
LIST_FIELDS = ("actors", "numbers", "locations", "positions")
_DIGEST_CHARS = 8


def fingerprints(briefing: Briefing) -> dict[str, str]:
    """The digests to store in a freshly extracted briefing: one per field, one per list item
    (space-separated, in order)."""
    data = briefing.to_dict()
    marks = {name: _digest(data.get(name)) for name in SCALAR_FIELDS}
    for name in LIST_FIELDS:
        marks[name] = " ".join(_digest(_unreviewed(item)) for item in data.get(name, []))
    return marks


def hand_edits(briefing: Briefing) -> list[str]:
    """What was changed by hand since the extractor wrote `briefing` and is not marked
    `reviewed: true`, one phrase per field ('title', "actors: 'Witch Hunt' edited or added",
    'numbers: 2 removed'); [] when nothing was, or the briefing has no digests to compare."""
    marks = briefing.fingerprints
    if not marks:
        return []
    data = briefing.to_dict()
    edits = [name for name in SCALAR_FIELDS if name in marks and marks[name] != _digest(data.get(name))]
    for name in LIST_FIELDS:
        if name not in marks:
            continue
        stored = marks[name].split()
        items = data.get(name, [])
        current = [_digest(_unreviewed(item)) for item in items]
        changed = [item for item, mark in zip(items, current, strict=True)
                   if not item.get("reviewed") and mark not in stored]
        # A reviewed item stands for the extracted one it replaced: not a removal.
        replaced = sum(1 for item, mark in zip(items, current, strict=True)
                       if item.get("reviewed") and mark not in stored)
        removed = len(set(stored) - set(current)) - replaced
        if changed:
            labels = ", ".join(repr(_label(item)) for item in changed[:3])
            more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
            edits.append(f"{name}: {labels}{more} edited or added")
        if removed > 0:
            edits.append(f"{name}: {removed} removed")
    return edits


def item_digest(item: Any) -> str:
    """The digest of one list item (an Actor, Number, Location or Position), `reviewed` aside."""
    return _digest(_unreviewed(as_plain(item)))


def edited_away(briefing: Briefing, name: str) -> set[str]:
    """Digests of the `name` items the extractor wrote that are no longer in the file: an
    analyst changed them (and marked the new version reviewed). Re-extraction must not bring
    them back beside their edited version."""
    marks = (briefing.fingerprints or {}).get(name)
    if not marks:
        return set()
    return set(marks.split()) - {item_digest(item) for item in getattr(briefing, name)}


def _unreviewed(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "reviewed"}


def _label(item: dict[str, Any]) -> str:
    text = str(item.get("name") or item.get("text") or "")
    return text if len(text) <= 40 else text[:39] + "…"


def _digest(value: Any) -> str:
    blob = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_CHARS]
