"""Locations: recognised, resolved and geocoded offline (generator/extract/locations.py)."""

from __future__ import annotations

import pytest

from generator.briefing import Actor, Location
from generator.extract.locations.finder import extract_locations, geocoded_share
from generator.extract.locations.gazetteer import load_gazetteer, name_key


def _locations(nlp, text: str, actors: list[Actor] | None = None) -> dict[str, Location]:
    return {loc.name: loc for loc in extract_locations(nlp(text), actors or [])}


def _all_names(locations: dict[str, Location]) -> set[str]:
    return {n for loc in locations.values() for n in (loc.name, *loc.aliases)}


def test_country_is_geocoded_with_its_iso_code(nlp):
    locs = _locations(nlp, "The strikes took place near the border between Iraq and Syria.")
    iraq = locs["Iraq"]
    assert (iraq.kind, iraq.country) == ("country", "IQ")
    assert 29 < iraq.lat < 38 and 38 < iraq.lon < 49
    assert locs["Syria"].country == "SY"


def test_province_keeps_its_unit_noun_and_resolves_to_the_story_country(nlp):
    text = "The strikes took place in a rural area of Kirkuk province, the Iraqi government said."
    kirkuk = _locations(nlp, text)["Kirkuk province"]
    assert (kirkuk.kind, kirkuk.country) == ("region", "IQ")
    assert kirkuk.lat is not None
    assert "Kirkuk" in kirkuk.aliases


def test_us_spellings_are_one_location_trimmed_of_the(nlp):
    text = "The United States sent more troops to the region. Officials in the U.S. said the US would stay."
    locs = extract_locations(nlp(text), [])
    us = [loc for loc in locs if loc.country == "US"]
    assert len(us) == 1
    assert us[0].name == "United States"
    assert {name_key(a) for a in us[0].aliases} == {"us"}


def test_place_inside_a_media_name_is_not_a_location(nlp):
    text = "McKenzie told Washington Post columnist David Ignatius that ISIS still operates in Iraq."
    names = _all_names(_locations(nlp, text))
    assert "Washington" not in names
    assert "Iraq" in names


def test_demonyms_alone_are_not_locations(nlp):
    names = _all_names(_locations(nlp, "Iraqi forces and Syrian rebels met near Mosul."))
    assert not {"Iraqi", "Syrian", "Iraq", "Syria"} & names
    assert "Mosul" in names


def test_a_demonym_joins_its_named_country_as_an_alias(nlp):
    locs = _locations(nlp, "Syrian troops crossed into northern Syria on Tuesday.")
    assert locs["Syria"].aliases == ["Syrian"] and locs["Syria"].mentions == 2


def test_demonym_resolves_an_ambiguous_city(nlp):
    text = "Syrian government forces shelled rebel positions around Homs on Tuesday."
    homs = _locations(nlp, text)["Homs"]
    assert (homs.kind, homs.country) == ("city", "SY")


def test_city_the_model_mislabels_is_found_from_the_gazetteer(nlp):
    text = "Coalition aircraft struck ISIL positions in Raqqah, Syria, on Friday."
    raqqah = _locations(nlp, text)["Raqqah"]
    assert (raqqah.kind, raqqah.country) == ("city", "SY")


def test_capitalised_dateline_is_a_location(nlp):
    text = "Chad government closes university.\n\nN'DJAMENA 1996-08-30\n\nThe government of Chad said."
    names = _all_names(_locations(nlp, text))
    assert "N'DJAMENA" in names


def test_headline_topic_is_not_a_dateline(nlp):
    text = "SOCCER - RESULTS OF SOUTH KOREAN PRO-SOCCER GAMES.\n\nSEOUL 1996-08-30\n\nResults of games."
    names = _all_names(_locations(nlp, text))
    assert "SOCCER" not in names
    assert "SEOUL" in names


def test_place_in_an_office_title_is_not_a_location(nlp):
    text = "The Minister for the Middle East, Tobias Ellwood, responded to the attack in Aleppo."
    names = _all_names(_locations(nlp, text))
    assert "Middle East" not in names
    assert "Aleppo" in names


def test_person_name_is_not_a_location(nlp):
    text = "Natalia Karimova (Russia) 3:40.036 beat Yvonne McGregor (Britain)."
    actors = [Actor(name="Natalia Karimova", kind="person")]
    names = _all_names(_locations(nlp, text, actors))
    assert not {"Natalia", "Karimova"} & names
    assert {"Russia", "Britain"} <= names


def test_facility_named_after_a_town_is_placed_there(nlp):
    text = "Iraqi engineers inspected the Mosul Dam after the floods in Iraq."
    dam = _locations(nlp, text)["Mosul Dam"]
    assert (dam.kind, dam.country) == ("other", "IQ")
    assert dam.lat is not None


def test_coordinates_are_a_location_with_their_own_point(nlp):
    text = "The mosque is located at 33.505716°N 36.269635°E in Damascus, Syria."
    locs = extract_locations(nlp(text), [])
    point = next(loc for loc in locs if "°" in loc.name)
    assert (point.lat, point.lon) == (33.505716, 36.269635)


def test_geocoded_share():
    assert geocoded_share([]) == 0.0
    locs = [Location(name="Iraq", lat=33.0, lon=44.0), Location(name="Q-West")]
    assert geocoded_share(locs) == 0.5


def test_gazetteer_is_loaded_once_per_process():
    # Its load time is measured by `make bench-speed`, not asserted here.
    gaz = load_gazetteer()
    assert load_gazetteer() is gaz
    assert [p.country for p in gaz.lookup("U.S.")] == ["US"]


@pytest.fixture(scope="module")
def sample_locations(sample_briefing) -> dict[str, Location]:
    return {loc.name: loc for loc in sample_briefing.locations}


def test_sample_article_places(sample_locations):
    assert sample_locations["Iraq"].country == "IQ"
    assert sample_locations["Syria"].kind == "country"
    kirkuk = sample_locations["Kirkuk province"]
    assert (kirkuk.kind, kirkuk.country) == ("region", "IQ")


def test_sample_article_media_names_are_not_places(sample_locations):
    names = {n for loc in sample_locations.values() for n in (loc.name, *loc.aliases)}
    assert "Washington" not in names


def test_a_dateline_abbreviation_places_the_town_in_its_state(nlp):
    locs = _locations(nlp, "LEXINGTON, Ky. — The University of Kentucky raised tuition on Tuesday.")
    lexington = locs["LEXINGTON"]
    assert (lexington.kind, lexington.country, lexington.admin1) == ("city", "US", "KY")
    assert lexington.geonameid is not None


def test_a_street_is_an_address_not_a_place_of_the_story(nlp):
    text = (
        "LEXINGTON, Ky. — A water main broke under Richmond Road on Tuesday, and Lexington "
        "crews closed two lanes."
    )
    names = _all_names(_locations(nlp, text))
    assert "Richmond Road" not in names and "Richmond" not in names
    assert "LEXINGTON" in names


def test_a_sea_is_not_a_town_of_the_same_name(nlp):
    locs = _locations(nlp, "Russian bombers flew over the North Sea on Thursday.")
    assert locs["North Sea"].country is None and locs["North Sea"].kind == "region"


def test_the_country_an_organisation_is_named_for_is_a_place(nlp):
    locs = _locations(nlp, "The U.S. Defense Department denies the existence of the syndrome.")
    assert locs["U.S."].kind == "country" and locs["U.S."].country == "US"


def test_times_and_events_are_not_places(nlp):
    text = "The storm reached Miami at 5 A.M. on Monday, days before the Brexit vote in London."
    names = _all_names(_locations(nlp, text))
    assert not {"A.M.", "Brexit"} & names
    assert {"Miami", "London"} <= names
