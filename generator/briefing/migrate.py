"""Briefings written under an older schema, brought to today's shape as they are read.

Each step takes a briefing dict of version N to N+1 and changes only what that version
changed, so a file of any past version loads and everything a reader put in by hand
(`reviewed: true` items above all) is carried over unchanged. The next write saves the file
in the current version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Data = dict[str, Any]


def _v1_to_v2(data: Data) -> None:
    """Version 2: a range gives both ends (`value_max` becomes `high`, `value` is also `low`);
    numbers gained `unit`, `currency` and `change`, locations `geonameid` and `admin1` (all
    optional); kind "province" merged into "region" (first-level regions of every country)."""
    for number in data.get("numbers") or []:
        if isinstance(number, dict) and "value_max" in number:
            high = number.pop("value_max")
            if high is not None:
                number["low"], number["high"] = number.get("value"), high
    for location in data.get("locations") or []:
        if isinstance(location, dict) and location.get("kind") == "province":
            location["kind"] = "region"


_STEPS: dict[int, Callable[[Data], None]] = {1: _v1_to_v2}


def upgrade(data: Any) -> Any:
    """`data` (a parsed briefing) in the current schema version; changed in place and returned.
    Anything else, or a version this code does not know, is left for the schema check to report."""
    if not isinstance(data, dict):
        return data
    version = data.get("schema")
    while isinstance(version, int) and version in _STEPS:
        _STEPS[version](data)
        version += 1
        data["schema"] = version
    return data
