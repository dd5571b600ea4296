"""Actors: each rule of generator/extract/actors.py pinned by a real sentence."""

from __future__ import annotations

import pytest

from generator.briefing import Actor
from generator.extract.actors.finder import extract_actors


@pytest.fixture
def actors_of(nlp):
    """Extract the actors of a text with the session's pipeline."""

    def run(text: str) -> list[Actor]:
        return extract_actors(nlp(text))

    return run


def find(actors: list[Actor], name: str) -> Actor:
    """The actor called `name` (or having it as an alias)."""
    for actor in actors:
        if actor.name == name or name in actor.aliases:
            return actor
    raise AssertionError(f"no actor {name!r} in {[a.name for a in actors]}")


def names(actors: list[Actor]) -> set[str]:
    return {a.name for a in actors}


# -- titles and roles ------------------------------------------------------------------------


def test_title_before_a_name_is_split_off_and_kept_as_an_alias(actors_of):
    actors = actors_of(
        "U.S. Central Command Gen. Ken McKenzie has repeatedly said that the force will draw down soon. "
        "McKenzie said last week that the fight is not complete."
    )
    mckenzie = find(actors, "Ken McKenzie")
    assert mckenzie.kind == "person"
    assert mckenzie.title == "Gen."
    assert {"McKenzie", "Gen. Ken McKenzie"} <= set(mckenzie.aliases)
    assert mckenzie.mentions == 2
    assert find(actors, "U.S. Central Command").kind == "organization"


def test_apposition_after_a_name_is_the_role(actors_of):
    actors = actors_of(
        "“Airstrikes help destroy ISIS targets in terrain difficult to reach by standard vehicles,” "
        "said Col. Myles B. Caggins III, coalition military spokesman in a statement Saturday."
    )
    caggins = find(actors, "Myles B. Caggins III")
    assert caggins.title == "Col."
    assert caggins.role == "coalition military spokesman"


def test_words_before_a_name_are_the_role(actors_of):
    actors = actors_of(
        "McKenzie told Washington Post columnist David Ignatius in an Aspen Security Forum "
        "virtual discussion Thursday."
    )
    ignatius = find(actors, "David Ignatius")
    assert ignatius.kind == "person"
    assert ignatius.role == "Washington Post columnist"
    assert find(actors, "Washington Post").kind == "media"


def test_title_inside_the_entity_and_possessive_are_trimmed(actors_of):
    actors = actors_of(
        "Hezbollah has sent thousands of fighters to Syria to support President Bashar al-Assad's forces."
    )
    assad = find(actors, "Bashar al-Assad")
    assert assad.title == "President"
    assert not any(a.name.endswith("'s") for a in actors)


# -- merging the names of one actor ----------------------------------------------------------


def test_acronym_joins_its_expansion(actors_of):
    actors = actors_of(
        "Operation Inherent Resolve reported that coalition aircraft destroyed three rural camps. "
        "OIR said that the group has been driven to inaccessible desert regions."
    )
    oir = find(actors, "Operation Inherent Resolve")
    assert oir.aliases == ["OIR"]
    assert oir.mentions == 2


def test_acronym_defined_in_brackets_joins_its_expansion(actors_of):
    actors = actors_of(
        "Delegates from the Philippine government and the Moro National Liberation Front (MNLF) "
        "concluded negotiations on the treaty. The MNLF has fought for 25 years."
    )
    front = find(actors, "Moro National Liberation Front")
    assert "MNLF" in front.aliases


def test_forms_of_a_country_are_one_country_actor(actors_of):
    actors = actors_of(
        "The United States and the Iraqi government are in the third week of negotiations on U.S. forces "
        "in Iraq. US officials declined to comment."
    )
    us = find(actors, "United States")
    assert us.kind == "country"
    assert "U.S." in us.aliases
    assert us.mentions >= 2
    assert find(actors, "Iraq").kind == "country"


def test_unrelated_names_from_the_alias_table_are_one_actor(actors_of):
    actors = actors_of(
        "The fight against the Islamic State is not yet complete. Coalition aircraft destroyed three "
        "ISIS camps, and ISIS still has the capability to pose threats."
    )
    isis = find(actors, "ISIS")
    assert "Islamic State" in isis.aliases
    assert isis.mentions == 3


# -- nationalities, countries and organisations ----------------------------------------------


def test_nationalities_are_groups_apart_from_countries(actors_of):
    actors = actors_of(
        "The call would leave the Iraqis to fight on their own, and the Iraqi government supports "
        "a continued presence in Iraq."
    )
    assert find(actors, "Iraqis").kind == "group"
    assert find(actors, "Iraqi government").kind == "organization"
    assert find(actors, "Iraq").kind == "country"


def test_nationality_with_a_plural_noun_is_a_group(actors_of):
    actors = actors_of("Thousands of Syrian refugees have found work in Jordanian factories.")
    assert find(actors, "Syrian refugees").kind == "group"


def test_organisations_the_model_misses_come_from_patterns(actors_of):
    actors = actors_of(
        "On Dec. 6th, Iraqi Security Forces attempted to seize the hospital, supported by the Coalition."
    )
    assert find(actors, "Iraqi Security Forces").kind == "organization"
    assert "Coalition" in names(actors)


def test_news_agencies_are_media(actors_of):
    actors = actors_of(
        "State television quoted the army as saying several rockets landed in the airport compound, "
        "Reuters news agency reports. State-run Syrian news agency Sana reported explosions."
    )
    assert find(actors, "Reuters").kind == "media"
    assert find(actors, "Sana").kind == "media"


def test_cities_are_not_actors_unless_they_act(actors_of):
    actors = actors_of("Syria has accused Israel of bombarding an area west of Damascus.")
    assert names(actors) == {"Syria", "Israel"}


# -- newswire layout -------------------------------------------------------------------------

CRICKET = (
    "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.\n\n"
    "LONDON 1996-08-30\n\n"
    "West Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset "
    "by an innings and 39 runs in two days to take over at the head of the county championship."
)

SOCCER_RESULTS = (
    "SOCCER - SCOTTISH LEAGUE RESULTS.\n\n"
    "GLASGOW 1996-08-31\n\n"
    "Results of Scottish league matches on Saturday:\n\n"
    "Division one\n\n"
    "Greenock Morton 1 Falkirk 0\n\n"
    "Partick 1 St Mirren 1\n\n"
    "Postponed: East Fife v Clydebank."
)


def test_headline_and_dateline_give_no_junk_actors(actors_of):
    actors = actors_of(CRICKET)
    assert not any("CRICKET" in a.name or "LONDON" in a.name.upper() for a in actors)
    leicestershire = find(actors, "Leicestershire")
    assert leicestershire.kind == "organization"
    assert leicestershire.mentions == 2  # the headline's LEICESTERSHIRE counts
    assert leicestershire.sentence.startswith("West Indian all-rounder")
    assert find(actors, "Phil Simmons").kind == "person"


def test_sports_results_table_lines_give_teams(actors_of):
    actors = actors_of(SOCCER_RESULTS)
    teams = {"Greenock Morton", "Falkirk", "Partick", "St Mirren", "East Fife", "Clydebank"}
    assert teams <= names(actors)
    assert all(find(actors, team).kind == "organization" for team in teams)
    assert not names(actors) & {"Division", "Postponed", "GLASGOW", "Results"}


def test_press_digest_section_heads_are_media(actors_of):
    actors = actors_of(
        "PRESS DIGEST - Indonesian newspapers - August 30.\n\n"
        "Following is a summary of major Indonesian stories in leading newspapers.\n\n"
        "KOMPAS\n\n"
        "Indonesian President Suharto has asked businessmen to share their experiences."
    )
    assert find(actors, "KOMPAS").kind == "media"
    assert not names(actors) & {"PRESS", "DIGEST"}


def test_capitalised_table_labels_are_not_acronym_actors(actors_of):
    actors = actors_of("NOTE: The PRESS DIGEST is prepared by Reuters in Jakarta.")
    assert not names(actors) & {"NOTE", "PRESS", "DIGEST"}


# -- the sample article ----------------------------------------------------------------------


def test_sample_article_actors(sample_briefing):
    actors = sample_briefing.actors
    mckenzie = find(actors, "Ken McKenzie")
    assert (mckenzie.kind, mckenzie.title) == ("person", "Gen.")
    assert {"McKenzie", "Gen. Ken McKenzie"} <= set(mckenzie.aliases)
    caggins = find(actors, "Myles B. Caggins III")
    assert (caggins.title, caggins.role) == ("Col.", "coalition military spokesman")
    assert find(actors, "David Ignatius").role == "Washington Post columnist"
    assert find(actors, "Operation Inherent Resolve").aliases == ["OIR"]
    assert "Islamic State" in find(actors, "ISIS").aliases
    us = find(actors, "United States")
    assert us.kind == "country" and "U.S." in us.aliases
    for media in ("Washington Examiner", "Washington Post"):
        assert find(actors, media).kind == "media"
    organizations = ("U.S. Central Command", "NATO", "Iraqi government", "Iraqi Armed Forces")
    for org in (*organizations, "Aspen Security Forum"):
        assert find(actors, org).kind == "organization"
    assert len({a.name for a in actors}) == len(actors)


# -- kinds: what the name, its title and the words around it say -------------------------------


def test_secretary_of_state_with_a_name_is_that_person_with_the_title(actors_of):
    actors = actors_of("Deputy Secretary of State Tony Blinken met the delegation in Baghdad on Monday.")
    blinken = find(actors, "Tony Blinken")
    assert blinken.kind == "person" and blinken.title and "Secretary of State" in blinken.title


def test_a_company_name_is_no_person_even_after_a_given_name(actors_of):
    actors = actors_of("Douglas & Lomason Co said it agreed to be bought by Magna International Inc.")
    assert find(actors, "Douglas & Lomason Co").kind == "organization"
    assert find(actors, "Magna International Inc.").kind == "organization"


def test_a_hurricane_and_a_street_are_no_actors(actors_of):
    actors = actors_of(
        "Hurricane Humberto passed north of Bermuda, while protesters gathered on Karl Marx Avenue."
    )
    assert not names(actors) & {"Humberto", "Karl Marx Avenue", "Karl Marx"}


def test_the_assad_regime_is_an_organisation_and_assad_a_person(actors_of):
    actors = actors_of("The Foreign Secretary condemned the Assad regime. Bashar al-Assad did not reply.")
    assert find(actors, "Assad regime").kind == "organization"
    assert find(actors, "Bashar al-Assad").kind == "person"


def test_players_in_a_lineup_are_persons_and_lone_counties_are_teams(actors_of):
    text = (
        "SOCCER - FRANCE BEAT MEXICO 2-0.\n\nPARIS 1996-08-31\n\n"
        "France beat Mexico 2-0 in a friendly on Saturday.\n\n"
        "France - 1 - Bernard Lama; 2 - Lilian Thuram (14 - Sabri Lamouchi 87th), 5 - Laurent Blanc\n"
    )
    actors = actors_of(text)
    assert find(actors, "Lilian Thuram").kind == "person"
    assert find(actors, "Laurent Blanc").kind == "person"
    cricket = actors_of(
        "CRICKET - ESSEX CLOSE IN.\n\nLONDON 1996-08-30\n\n"
        "Kent made up for lost time in their rain-affected match against Nottinghamshire."
    )
    assert find(cricket, "Kent").kind == "organization"


def test_accented_and_plain_spellings_are_one_actor(actors_of):
    actors = actors_of("President Erdoğan spoke in Ankara. Erdogan said Turkey would not back down.")
    [erdogan] = [a for a in actors if "rdo" in a.name]
    assert erdogan.kind == "person"


def test_plural_and_singular_of_a_group_are_one_actor(actors_of):
    actors = actors_of("The Houthis fired a missile. A Houthi spokesman said the Houthi forces would go on.")
    assert len([a for a in actors if a.name.startswith("Houthi")]) <= 1


def test_a_bare_nationality_adjective_is_no_actor(actors_of):
    actors = actors_of("A Ukrainian journalist was detained in Moscow, the British embassy said.")
    assert "Ukrainian" not in names(actors) and "British" not in names(actors)


def test_a_storm_named_alone_later_is_still_no_actor(actors_of):
    actors = actors_of(
        "Tropical Storm Humberto formed near the Bahamas on Friday. Humberto is expected to strengthen."
    )
    assert not [a for a in actors if "Humberto" in a.name]
