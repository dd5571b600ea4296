"""Datelines: the line before a story that says where (and when) it was filed.

Three readings, each as strict as its reader needs; kept together so that a new dateline
style is taught to all of them in one place.
"""

from __future__ import annotations

import re

# A newswire dateline line: place, then an ISO date ("LONDON 1996-08-30",
# "NICE, France 1996-08-30"). Actors distrust the entities of such a line.
NEWSWIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'()/-]*\s\d{4}-\d{2}-\d{2}$")

# The opening of a paragraph that is a dateline, its place (and area) as groups, for the
# location rules: "LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29",
# "BAGHDAD, Iraq (Reuters) -"; a bare dash ("SOCCER - ...") is their call (group "dash").
_CAPS = r"[A-Z][A-Z'’.\-]*[A-Z.](?: [A-Z][A-Z'’.\-]*[A-Z.])*"
DATELINE_WITH_PLACE = re.compile(
    rf"^(?P<place>{_CAPS})(?:, (?P<area>[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+)*))?"
    r"(?P<agency> \([A-Za-z ]+\))?\s*"
    r"(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]+|(?P<dash>[-–—]\s))"
)

# A short paragraph holding a year and little else ("WASHINGTON, Jan. 4, 2019"): not the lead.
DATE_LINE = re.compile(r"^[\w ,.\-]{0,40}\b(?:1[89]|20)\d\d\b[\w ,.\-]{0,10}$")
