"""Coordinates written in the text ("33°30′21″N 36°16′11″E", "35.0325°N 43.6463889°E"): a
location with its own point."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from generator.extract.locations.gazetteer import Place
from generator.extract.locations.mention import Mention

_DEG = r"(\d{1,3}(?:\.\d+)?)°(?:\s*(\d{1,2}(?:\.\d+)?)[′'])?(?:\s*(\d{1,2}(?:\.\d+)?)[″\"])?\s*"
COORD_RE = re.compile(_DEG + r"([NS])[,;]?\s+" + _DEG + r"([EW])")


def coordinate_mentions(doc: Doc, covered: set[int]) -> list[Mention]:
    """Each coordinate pair outside the tokens already `covered`, with its own point."""
    mentions = []
    for m in COORD_RE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(t.i in covered for t in span):
            continue
        lat = _degrees(m.group(1), m.group(2), m.group(3), m.group(4))
        lon = _degrees(m.group(5), m.group(6), m.group(7), m.group(8))
        place = Place(f"coord:{lat:.4f},{lon:.4f}", m.group(0), "other", None, lat, lon)
        mentions.append(Mention(span, m.group(0), "coordinates", place=place))
    return mentions


def _degrees(deg: str, minutes: str | None, seconds: str | None, hemisphere: str) -> float:
    value = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    return round(-value if hemisphere in "SW" else value, 6)
