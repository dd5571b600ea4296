"""The article's date when the front matter has none but the text states it.

Only a full calendar date near the top of the article counts ("Friday, January 4, 2019",
"4 January 2019", "2019-01-04"): a dateline, not a date the story talks about.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

SEARCH_FIRST_CHARS = 400
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def stated_date(doc: Doc) -> str | None:
    """Return the first full date in the opening of the article as YYYY-MM-DD, else None."""
    opening = doc.text[:SEARCH_FIRST_CHARS]
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(opening):
            date = _to_date(match)
            if date:
                found.append((match.start(), date))
    return min(found)[1] if found else None


def _to_date(match: re.Match[str]) -> str | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    if not month:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None
