"""The sample article's briefing holds what a reader expects (../shared/seeds/EXPECTED.md)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def actors(sample_briefing):
    return {a.name: a for a in sample_briefing.actors}


def test_people_with_titles_roles_and_both_name_forms(actors):
    mckenzie = actors["Ken McKenzie"]
    assert (mckenzie.kind, mckenzie.title) == ("person", "Gen.")
    assert {"McKenzie", "Gen. Ken McKenzie"} <= set(mckenzie.aliases)
    caggins = actors["Myles B. Caggins III"]
    assert (caggins.title, caggins.role) == ("Col.", "coalition military spokesman")
    assert actors["David Ignatius"].role == "Washington Post columnist"


def test_organisations_media_and_countries(actors):
    assert "OIR" in actors["Operation Inherent Resolve"].aliases
    assert "Islamic State" in actors["ISIS"].aliases
    assert actors["Washington Examiner"].kind == actors["Washington Post"].kind == "media"
    assert actors["United States"].kind == "country" and "U.S." in actors["United States"].aliases
    for name in ("U.S. Central Command", "NATO", "NATO Mission Iraq", "Iraqi government",
                 "Aspen Security Forum"):
        assert name in actors, name


def test_numbers_with_what_they_count_and_no_dates(sample_briefing):
    numbers = {(n.value, n.subject) for n in sample_briefing.numbers}
    assert {(5200, "soldiers"), (3, "ISIS camps"), (250000, "Iraqi armed forces")} <= numbers
    assert any(value == 500 and subject.startswith("NATO trainers") for value, subject in numbers)
    assert any(n.kind == "ordinal" and n.value == 3 for n in sample_briefing.numbers)
    assert not any(n.value == 2019 for n in sample_briefing.numbers)  # "March 2019" is a date


def test_places_geocoded_and_washington_is_not_one(sample_briefing):
    places = {loc.name: loc for loc in sample_briefing.locations}
    assert places["Iraq"].country == "IQ" and places["Syria"].country == "SY"
    assert places["Kirkuk province"].kind == "region" and places["Kirkuk province"].lat is not None
    assert "Washington" not in places


def test_every_stated_position_with_its_speaker_and_kind_and_nothing_else(sample_briefing):
    found = [(p.speaker, p.kind, p.cue) for p in sample_briefing.positions]
    assert found == [
        ("Ken McKenzie", "indirect", "has repeatedly said"),
        ("Myles B. Caggins III", "direct", "said"),
        ("OIR", "indirect", "said"),
        ("OIR", "indirect", "also clarified"),
        ("a NATO official", "direct", "told"),
        ("a NATO official", "direct", "added"),
        ("Ken McKenzie", "indirect", "said"),
        ("Ken McKenzie", "direct", "told"),
        ("Ken McKenzie", "direct", "added"),
        ("Ken McKenzie", "direct", "added"),
    ]
    assert all("did not immediately respond" not in p.sentence for p in sample_briefing.positions)
