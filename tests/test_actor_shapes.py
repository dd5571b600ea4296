"""Actors: names the model cuts, and names that are no actor, each on a sentence of a Wikinews article."""

from __future__ import annotations

import pytest

from generator.briefing import Actor
from generator.extract.actors.finder import extract_actors
from generator.extract.actors.kinds import is_people_noun
from generator.extract.actors.shapes import has_contraction


@pytest.fixture
def actors_of(nlp):
    def run(text: str) -> list[Actor]:
        return extract_actors(nlp(text))

    return run


def kinds(actors: list[Actor]) -> dict[str, str]:
    return {a.name: a.kind for a in actors}


# -- organisation names kept whole ---------------------------------------------------------------


def test_a_name_listing_its_fields_is_one_organisation(actors_of):
    actors = actors_of(
        "He announced this change by live television on Wednesday, despite criticism by the Greek "
        "foreign minister and United Nations Educational, Scientific and Cultural Organization "
        "(UNESCO) who questioned his authority to make the change."
    )
    full = "United Nations Educational, Scientific and Cultural Organization"
    unesco = next(a for a in actors if a.name == full)
    assert unesco.kind == "organization"
    assert "UNESCO" in unesco.aliases
    assert not {"United Nations Educational", "Cultural Organization"} & set(kinds(actors))


def test_a_commission_on_its_subject_is_one_name(actors_of):
    actors = actors_of(
        "The United States Commission on Presidential Debates announced on Friday the second "
        "presidential debate has been cancelled."
    )
    assert kinds(actors) == {"United States Commission on Presidential Debates": "organization"}


def test_a_court_for_a_district_of_a_state_is_one_name(actors_of):
    actors = actors_of(
        "Judge James Parker Jones, presiding in the United States District Court for the Western "
        "District of Virginia in Abingdon, handed down the sentence."
    )
    court = "United States District Court for the Western District of Virginia"
    assert kinds(actors)[court] == "organization"


def test_a_hospital_name_cut_at_and_is_one_place_and_no_actor(actors_of):
    actors = actors_of(
        "Don Imus died on Friday at the Baylor Scott and White Medical Center in College Station, "
        "Texas after being hospitalized since Christmas Eve, his family reported."
    )
    assert kinds(actors) == {"Don Imus": "person"}


def test_weekdays_after_a_name_stay_out_of_it(actors_of):
    actors = actors_of("The Central Bank on Monday raised interest rates.")
    assert kinds(actors) == {"Central Bank": "organization"}


def test_an_island_and_a_pair_of_islands_are_places_unless_they_act(actors_of):
    actors = actors_of(
        "The foreign ministers agreed to a future meet on Crete. The deal would make the sea between "
        "Crete and Cyprus a part of the Turkish zone. Athens expelled the Libyan ambassador to Greece."
    )
    found = kinds(actors)
    assert not {"Crete", "Crete and Cyprus"} & set(found)
    assert found["Athens"] == "organization"


def test_a_court_named_after_justice_is_no_justice(actors_of):
    actors = actors_of("He mentioned a possible arbitration route at the International Court of Justice.")
    assert kinds(actors) == {"International Court of Justice": "organization"}


# -- names that are no actor -------------------------------------------------------------------


def test_a_building_is_no_actor_wherever_it_is_named(actors_of):
    actors = actors_of(
        "Erdoğan pledged converting Hagia Sophia, formerly a Greek Orthodox church and now a museum, "
        "to a mosque. Erdogan said, \"After elections, we will change Hagia Sophia's name from museum "
        'to mosque." Those who remain silent when Masjid Al-Aqsa is attacked cannot tell us what to do.'
    )
    assert [a.kind for a in actors] == ["person"]  # Erdoğan


def test_contractions_and_interjections_are_no_actors(actors_of):
    actors = actors_of(
        "I‘m beyond grateful to him for being my boss, my mentor, & my friend. "
        "A radio legend indeed. RIP #Imus"
    )
    assert actors == []
    assert has_contraction("I‘m") and has_contraction("We’ve") and not has_contraction("O'Brien")


def test_an_aircraft_after_a_is_no_organisation(actors_of):
    actors = actors_of(
        "Officials said the single-engine propeller plane, a Beechcraft Sierra, was flying to "
        "Gillespie Field airport."
    )
    assert "Beechcraft Sierra" not in kinds(actors)


def test_an_acronym_of_lower_case_words_is_no_organisation(actors_of):
    actors = actors_of(
        "The border demarcation resulted in overlapping exclusive economic zone (EEZ) claims. "
        "The sea between Crete and Cyprus would become a part of the Turkish EEZ. Greece contests "
        "the EEZ of Cyprus."
    )
    assert not {"EEZ", "EEZ of Cyprus"} & set(kinds(actors))


def test_a_disease_and_a_holiday_are_no_actors(actors_of):
    actors = actors_of(
        "The debate was cancelled, citing COVID-19 safety concerns. He sponsored the bill that made "
        "Martin Luther King Jr. Day a federal holiday."
    )
    assert not {"COVID-19", "COVID-19 safety concerns", "Martin Luther King Jr. Day"} & set(kinds(actors))


def test_a_nationality_before_a_plural_thing_is_no_group(actors_of):
    actors = actors_of(
        "Turkey allowed Turkish army deployments in Libya, and Turkish soldiers entered Cypriot "
        "waters. Syrian refugees fled."
    )
    found = kinds(actors)
    assert found["Turkish soldiers"] == "group" and found["Syrian refugees"] == "group"
    assert not {"Turkish army deployments", "Cypriot waters"} & set(found)
    assert is_people_noun("party") and is_people_noun("fighter") and not is_people_noun("deployment")


def test_a_nationality_standing_before_its_noun_is_no_group(actors_of):
    actors = actors_of(
        "Egyptian foreign minister Sameh Shoukry and his Greek, Cypriot and French counterparts, "
        "Nikos Dendias, Nikos Christodoulides and Jean-Yves Le Drian, gathered in Cairo on Wednesday. "
        "Conyers, the former Democratic Dean of the House of Representatives, was 90."
    )
    found = kinds(actors)
    assert not {"Greek", "Cypriot", "Democratic", "Egyptian foreign minister"} & set(found)
    assert found["Sameh Shoukry"] == "person"


# -- persons -----------------------------------------------------------------------------------


def test_given_names_in_a_list_are_persons(actors_of):
    actors = actors_of(
        "Imus is survived by his second wife Dierdre Coleman, their two sons Wyatt and Zachary, and four "
        "daughters, Nadine, Ashley, Elizabeth, and Toni. My heart breaks for Deirdre, Wyatt & Zach."
    )
    found = kinds(actors)
    assert found["Nadine"] == "person" and found["Zach"] == "person"
    assert "Deirdre, Wyatt & Zach" not in found


def test_title_words_the_model_cut_off_stay_with_the_person(actors_of):
    actors = actors_of(
        "Interior Minister Joachim Brudziński wrote he had ordered checks. Roman Catholic Bishop "
        "Emeritus Dinualdo Gutierrez of the Marbel diocese in the Philippines, 79, died."
    )
    found = kinds(actors)
    assert found["Joachim Brudziński"] == "person" and found["Dinualdo Gutierrez"] == "person"
    assert not {"Interior", "Roman Catholic Bishop", "Roman Catholic", "Marbel"} & set(found)


def test_a_name_with_and_without_the_middle_name_is_one_person(actors_of):
    actors = actors_of(
        "Yesterday, former United States Representative John Conyers died in his sleep. John James "
        "Conyers Jr. was born in Detroit. Conyers resigned in 2017."
    )
    conyers = [a for a in actors if "Conyers" in a.name]
    assert len(conyers) == 1 and conyers[0].name == "John James Conyers Jr."


def test_a_surname_in_other_letters_than_a_to_z_is_a_name(actors_of):
    actors = actors_of(
        "To this aim, I have spoken today to Turkish Foreign Minister Mevlüt Çavuşoğlu and to the UN "
        "Special Envoy Staffan de Mistura."
    )
    assert kinds(actors)["Mevlüt Çavuşoğlu"] == "person"


# -- identity within the article -----------------------------------------------------------------


def test_the_country_is_no_acronym_of_a_senate(actors_of):
    actors = actors_of(
        "After his release from prison, Blankenship ran for the Republican Party's US Senate "
        "nomination. He said the U.S. economy grew."
    )
    found = kinds(actors)
    assert found["US Senate"] == "organization" and found["United States"] == "country"


def test_a_name_under_two_forms_of_its_country_is_one_actor(actors_of):
    actors = actors_of(
        "The U.S.S. Grayback was lost in 1944. The United States Navy said the U.S. Navy would "
        "honour the crew."
    )
    assert kinds(actors) == {"United States Navy": "organization"}  # and no ship


def test_a_union_listing_its_trades_is_one_organisation(actors_of):
    actors = actors_of(
        "Mick Cash, general secretary of the National Union of Rail, Maritime and Transport Workers, "
        "said the move was welcome."
    )
    assert kinds(actors)["National Union of Rail, Maritime and Transport Workers"] == "organization"


def test_an_acronym_of_the_name_without_its_country_joins_it(actors_of):
    actors = actors_of(
        "The United States Commission on Presidential Debates announced on Friday the debate was "
        "cancelled. The CPD said the candidates had been told."
    )
    assert kinds(actors) == {"United States Commission on Presidential Debates": "organization"}


def test_the_town_after_mayor_of_is_part_of_the_title(actors_of):
    actors = actors_of("The city was shocked, said Mayor of Koszalin Piotr Jedlinski on Saturday.")
    assert kinds(actors) == {"Piotr Jedlinski": "person"}


def test_a_common_word_opening_a_sentence_is_no_person(actors_of):
    actors = actors_of(
        "A fire killed five girls at an escape room in Koszalin. Escape rooms see participants locked "
        "into a space and given clues."
    )
    assert "Escape" not in kinds(actors)
