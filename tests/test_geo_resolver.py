"""The toponym resolver: a sentence in, the place a reader means out (no spaCy needed)."""

from __future__ import annotations

import re

import pytest

from generator.geo.gazetteer import load_gazetteer
from generator.geo.keys import name_key
from generator.geo.resolver import Toponym, haversine_km, resolve


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def places(gaz, text: str, *names: str, source_country: str | None = None):
    """Resolve each name at its first whole-word occurrence in `text`."""
    toponyms = []
    for name in names:
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        assert m, name
        toponyms.append(Toponym(name, m.start(), m.end()))
    return dict(zip(names, resolve(text, toponyms, gaz, source_country), strict=True))


def test_a_dateline_state_abbreviation_picks_the_town_of_that_state(gaz):
    text = "LEXINGTON, Ky. — The University of Kentucky said Tuesday it would raise tuition."
    found = places(gaz, text, "LEXINGTON", "Ky.")
    assert (found["LEXINGTON"].country, found["LEXINGTON"].admin1) == ("US", "KY")
    assert found["Ky."].kind == "region" and found["Ky."].name == "Kentucky"


def test_a_postal_code_after_a_comma_names_the_state(gaz):
    text = "The plant in Springfield, IL will close in March."
    found = places(gaz, text, "Springfield", "IL")
    assert (found["Springfield"].admin1, found["IL"].name) == ("IL", "Illinois")


def test_london_is_in_canada_when_the_article_is_about_ontario(gaz):
    text = (
        "Police in London said the driver was taken to hospital. Ontario's transport ministry "
        "closed Highway 401 between Woodstock and Kitchener."
    )
    found = places(gaz, text, "London", "Ontario", "Woodstock", "Kitchener")
    assert found["London"].country == "CA" and found["London"].admin1 == "08"
    assert found["Ontario"].kind == "region"


def test_london_alone_is_the_british_capital(gaz):
    found = places(gaz, "Talks resumed in London on Monday.", "London")
    assert found["London"].country == "GB"


def test_georgia_is_the_us_state_when_the_article_names_atlanta(gaz):
    text = "Georgia lawmakers met in Atlanta and Savannah to debate the state budget."
    found = places(gaz, text, "Georgia", "Atlanta", "Savannah")
    assert found["Georgia"].kind == "region" and found["Georgia"].country == "US"


def test_georgia_is_the_country_beside_tbilisi_and_russia(gaz):
    text = "Russia accused Georgia of shelling South Ossetia; Tbilisi denied it."
    found = places(gaz, text, "Russia", "Georgia", "Tbilisi")
    assert found["Georgia"].kind == "country" and found["Georgia"].country == "GE"


def test_an_ambiguous_town_goes_with_the_state_of_the_article(gaz):
    text = "The Athens school board met Monday. Henderson County, Texas, officials attended."
    found = places(gaz, text, "Athens", "Henderson County", "Texas")
    assert found["Henderson County"].admin1 == "TX"
    assert (found["Athens"].country, found["Athens"].admin1) == ("US", "TX")


def test_a_unit_word_picks_the_region_over_the_city(gaz):
    text = "Fighting spread across Kirkuk province, the Iraqi army said."
    found = places(gaz, text, "Kirkuk province")
    assert found["Kirkuk province"].kind == "region" and found["Kirkuk province"].country == "IQ"


def test_washington_alone_is_the_capital(gaz):
    found = places(gaz, "Washington said the sanctions would stay.", "Washington")
    assert (found["Washington"].kind, found["Washington"].admin1) == ("city", "DC")


def test_washington_state_is_the_state(gaz):
    found = places(gaz, "Wildfires burned across Washington state.", "Washington state")
    assert (found["Washington state"].kind, found["Washington state"].admin1) == ("region", "WA")


def test_abbreviated_county_and_saint(gaz):
    text = "Deputies from Platte Co. drove to St. Louis."
    found = places(gaz, text, "Platte Co.", "St. Louis")
    assert found["Platte Co."].kind == "county"
    assert found["St. Louis"].country == "US" and found["St. Louis"].admin1 == "MO"


def test_us_states_and_canadian_provinces_have_points(gaz):
    for name in ("Kentucky", "Ontario", "New South Wales", "Alberta"):
        region = gaz.candidates(name)[0]
        assert region.kind == "region" and region.lat is not None and region.lon is not None
    kentucky = gaz.candidates("Kentucky")[0]
    assert haversine_km(kentucky.lat, kentucky.lon, 37.5, -85.0) < 161  # central Kentucky


def test_us_and_united_states_are_one_place(gaz):
    assert gaz.candidates("U.S.")[0].id == gaz.candidates("United States")[0].id


def test_name_keys_fold_accents_dots_and_saint():
    assert name_key("São Paulo") == name_key("Sao Paulo")
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("U.S.") == "us"


def test_a_name_the_gazetteer_does_not_know_is_left_unresolved(gaz):
    found = places(gaz, "They met at 2700 North Fourth Street.", "North Fourth Street")
    assert found["North Fourth Street"] is None
