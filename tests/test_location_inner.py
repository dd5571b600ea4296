"""Places inside longer names, county lists and addresses (generator/extract/locations/inner.py)."""

from __future__ import annotations

from generator.briefing import Location
from generator.extract.locations.finder import extract_locations


def _locations(nlp, text: str) -> dict[str, Location]:
    return {loc.name: loc for loc in extract_locations(nlp(text), [])}


def _all_names(locations: dict[str, Location]) -> set[str]:
    return {n for loc in locations.values() for n in (loc.name, *loc.aliases)}


def test_the_county_a_sheriffs_office_serves_is_the_place_not_the_office(nlp):
    text = "Deputies from the Alachua County Sheriff's Office arrested two men in Florida on Friday."
    locs = _locations(nlp, text)
    county = locs["Alachua County"]
    assert (county.kind, county.country, county.admin1) == ("county", "US", "FL")
    assert not any("Sheriff" in name for name in _all_names(locs))


def test_the_town_of_a_police_department_and_of_its_residents_is_a_place(nlp):
    text = (
        "The Athens Police Department is asking for help after vandals hit two businesses, "
        "and several Athens residents reported damage, the Henderson County sheriff said in Texas."
    )
    athens = _locations(nlp, text)["Athens"]
    assert (athens.kind, athens.country, athens.admin1) == ("city", "US", "TX")


def test_a_high_school_names_its_town(nlp):
    text = "She is a 2000 graduate of Fort Mill High School in South Carolina."
    locs = _locations(nlp, text)
    assert (locs["Fort Mill"].country, locs["Fort Mill"].admin1) == ("US", "SC")
    assert "Fort Mill High School" not in locs


def test_each_name_before_counties_is_a_county(nlp):
    text = "As many as 850 volunteers from Camden and Charlton counties in Georgia cleaned the river."
    locs = _locations(nlp, text)
    for name in ("Camden", "Charlton"):
        assert (locs[name].kind, locs[name].admin1) == ("county", "GA"), name


def test_a_sentence_opening_preposition_is_not_part_of_the_town_name(nlp):
    text = "Cities across Ohio are cutting costs. In Euclid, firefighters agreed to a pay cut."
    assert "Euclid" in _all_names(_locations(nlp, text))


def test_numbered_roads_are_not_places_but_interstates_are(nlp):
    text = "The car left Route 4 near the village and crashed, blocking Interstate 95 for an hour."
    names = _all_names(_locations(nlp, text))
    assert "Route 4" not in names
    assert "Interstate 95" in names


def test_a_facility_is_not_placed_at_a_far_town_that_shares_a_word_of_its_name(nlp):
    text = "Patients were taken to Baylor Scott and White Medical Center in Texas."
    for loc in _locations(nlp, text).values():
        if "Medical Center" in loc.name:
            assert loc.lat is None, loc  # "White" is a town of Georgia, not of the story


def test_a_facility_is_placed_at_the_town_the_article_names(nlp):
    text = "Residents met at Chattanooga Regional Park on Monday, Chattanooga police said."
    locs = _locations(nlp, text)
    park, town = locs["Chattanooga Regional Park"], locs["Chattanooga"]
    assert park.kind == "other" and (park.lat, park.lon) == (town.lat, town.lon)
    assert town.admin1 == "TN"


def test_a_city_named_with_city_is_not_split_into_a_state(nlp):
    locs = _locations(nlp, "We're living in New York City, the chef said.")
    assert locs["New York City"].kind == "city"


def test_a_compass_part_of_a_region_is_placed_at_the_region(nlp):
    text = (
        "Most school districts in Northeast Georgia are reviewing budgets, and Gainesville and "
        "Athens officials agree."
    )
    locs = _locations(nlp, text)
    part = locs["Northeast Georgia"]
    assert (part.country, part.admin1) == ("US", "GA") and part.lat is not None
    assert "Most" not in locs  # a sentence-opening word before "school" is no town


def test_a_dateline_after_the_byline_in_the_same_paragraph_is_a_place(nlp):
    text = (
        "By Matthew Daly, The Associated Press. WASHINGTON (AP) - An on-again, off-again effort "
        "to pass the energy bill failed again in the Senate on Tuesday."
    )
    washington = _locations(nlp, text)["WASHINGTON"]
    assert (washington.country, washington.admin1) == ("US", "DC")


def test_federal_is_not_a_town(nlp):
    text = "Former Permanent Secretary, Federal Ministry of Information, Abuja, launched his book."
    assert "Federal" not in _all_names(_locations(nlp, text))
