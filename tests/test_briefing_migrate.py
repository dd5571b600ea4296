"""Briefings written under schema 1 still load, and keep what a reader reviewed."""

from __future__ import annotations

from pathlib import Path

from generator.briefing import SCHEMA_VERSION
from generator.briefing.store import dump_briefing, load_briefing, write_briefing

SCHEMA_1 = """\
id: b1
title: Troops arrive
source_file: b1.md
content_hash: sha256:0000000000000000000000000000000000000000000000000000000000000000
numbers:
- value: 3000
  text: 3,000-5,000
  kind: count
  subject: troops
  sentence: Between 3,000-5,000 troops arrived.
  value_max: 5000
  reviewed: true
- value: 12
  text: twelve
  kind: count
  subject: tanks
  sentence: Twelve tanks followed.
schema: 1
"""


def test_a_schema_1_range_loads_with_both_ends_and_stays_reviewed(tmp_path: Path):
    path = tmp_path / "b1.yaml"
    path.write_text(SCHEMA_1, encoding="utf-8")
    briefing = load_briefing(path)
    troops, tanks = briefing.numbers
    assert (troops.value, troops.low, troops.high, troops.reviewed) == (3000, 3000, 5000, True)
    assert (tanks.low, tanks.high, tanks.reviewed) == (None, None, False)
    assert briefing.schema == SCHEMA_VERSION == 2


def test_a_migrated_briefing_is_written_in_the_current_schema(tmp_path: Path):
    path = tmp_path / "b1.yaml"
    path.write_text(SCHEMA_1, encoding="utf-8")
    write_briefing(path, load_briefing(path))
    text = path.read_text(encoding="utf-8")
    assert "value_max" not in text and "schema: 2" in text and "reviewed: true" in text
    assert dump_briefing(load_briefing(path)) == text
