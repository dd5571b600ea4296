"""Numbers: what counts as a number in a news article, its value, its kind and what it counts."""

from __future__ import annotations

import pytest

from generator.extract.numbers.finder import extract_numbers
from generator.extract.numbers.parse import parse_value


def numbers_in(nlp, text: str):
    """The numbers extracted from `text`, as (value, kind, subject) tuples."""
    return [(n.value, n.kind, n.subject) for n in extract_numbers(nlp(text))]


def only_number(nlp, text: str):
    """The one number extracted from `text`."""
    found = extract_numbers(nlp(text))
    assert len(found) == 1, [n.text for n in found]
    return found[0]


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["5,200"], (5200, None)),
        (["three"], (3, None)),
        (["1.5", "billion"], (1.5e9, None)),
        (["a", "dozen"], (12, None)),
        (["two", "dozen"], (24, None)),
        (["half", "a", "million"], (500_000, None)),
        (["twenty", "-", "five"], (25, None)),
        (["two", "hundred", "and", "five"], (205, None)),
        (["5bn"], (5e9, None)),
        (["tens", "of", "thousands"], (10_000, 90_000)),
        (["hundreds", "of", "thousands"], (100_000, 900_000)),
    ],
)
def test_written_numbers_are_valued(words, expected):
    assert parse_value(words) == expected


def test_m_scales_only_money_because_50m_alone_is_fifty_metres():
    assert parse_value(["100m"], money=True) == (1e8, None)
    assert parse_value(["50m"]) == (50, None)


def test_a_count_keeps_its_text_as_written_and_a_whole_value_as_int(nlp):
    number = only_number(nlp, "The American force of 5,200 soldiers in Iraq will be drawing down soon.")
    assert number.text == "5,200"
    assert number.value == 5200 and isinstance(number.value, int)
    assert number.kind == "count"
    assert number.subject == "soldiers"
    assert number.sentence == "The American force of 5,200 soldiers in Iraq will be drawing down soon."


def test_money_with_a_currency_sign_and_multiplier(nlp):
    number = only_number(nlp, "The donors pledged $1.5 billion for reconstruction.")
    assert (number.value, number.text, number.kind) == (1_500_000_000, "$1.5 billion", "money")


def test_money_with_a_glued_multiplier_and_the_thing_it_pays_for(nlp):
    number = only_number(nlp, "The World Bank has already announced a $100m interest-free loan.")
    assert (number.value, number.kind, number.subject) == (100_000_000, "money", "interest-free loan")


def test_money_with_a_currency_word_after_the_amount(nlp):
    number = only_number(nlp, "The EU has committed over 9 billion euros since the start of the crisis.")
    assert (number.value, number.text, number.kind) == (9_000_000_000, "9 billion euros", "money")


def test_percent_with_sign_or_word(nlp):
    assert numbers_in(nlp, "The economy is growing at just 12% a year.") == [(12, "percent", None)]
    number = only_number(nlp, "The Iraqis have cleared 15 to 20 percent of the city.")
    assert (number.value, number.high, number.kind, number.subject) == (15, 20, "percent", "city")


def test_a_measure_keeps_its_unit_in_the_text_but_not_in_the_value(nlp):
    number = only_number(nlp, "SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam.")
    assert (number.value, number.text, number.kind) == (7.5, "7.5 kilometers", "measure")


def test_a_measure_of_something_names_it(nlp):
    number = only_number(nlp, "NAVCENT is responsible for approximately 2.5 million square miles of area.")
    assert (number.value, number.kind, number.subject) == (2_500_000, "measure", "area")


def test_ordinal_counts_its_place(nlp):
    number = only_number(nlp, "The two governments are currently in the third week of negotiations.")
    assert (number.value, number.text, number.kind, number.subject) == (3, "third", "ordinal", "week")


def test_a_dozen_is_twelve(nlp):
    assert numbers_in(nlp, "A dozen protesters were arrested outside the embassy.") == [
        (12, "count", "protesters")
    ]


def test_tens_of_thousands_is_a_range(nlp):
    number = only_number(nlp, "Tens of thousands of people marched through the capital.")
    assert (number.value, number.high, number.subject) == (10_000, 90_000, "people")


def test_a_vague_amount_of_nothing_named_is_left_out(nlp):
    assert numbers_in(nlp, "Millions have been displaced by the fighting.") == []


def test_a_numeric_range(nlp):
    number = only_number(nlp, "Between 3,000-5,000 troops will be sent.")
    assert (number.value, number.high, number.subject) == (3000, 5000, "troops")


def test_number_words_the_ner_misses_are_found(nlp):
    found = numbers_in(nlp, "These strikes engaged three ISIL tactical units and four ISIL vehicles.")
    assert found == [(3, "count", "ISIL tactical units"), (4, "count", "ISIL vehicles")]


# --- what is counted ---------------------------------------------------------------------------


def test_subject_drops_descriptive_adjectives_but_keeps_names(nlp):
    found = numbers_in(nlp, "Coalition aircraft destroyed three rural ISIS camps.")
    assert found == [(3, "count", "ISIS camps")]


def test_hyphenated_strength_counts_the_force_it_describes(nlp):
    number = only_number(nlp, "How soon will the 250,000-strong Iraqi armed forces be facing ISIS alone?")
    assert (number.value, number.text, number.subject) == (250_000, "250,000", "Iraqi armed forces")


def test_subject_keeps_conjoined_nouns_that_share_the_number(nlp):
    number = only_number(nlp, "Some 500 NATO trainers and support staff are helping prepare Iraqi forces.")
    assert (number.value, number.subject) == (500, "NATO trainers and support staff")


def test_subject_keeps_hyphenated_modifiers(nlp):
    number = only_number(nlp, "The airstrikes have destroyed 20 anti-aircraft artillery systems.")
    assert number.subject == "anti-aircraft artillery systems"


def test_a_total_counts_what_it_is_the_number_of(nlp):
    number = only_number(nlp, "Davis said the number of munitions delivered now totals 6,602.")
    assert (number.value, number.subject) == (6602, "munitions")


def test_a_number_after_of_counts_the_noun_before_it(nlp):
    number = only_number(nlp, "Darayya had a population of 80,000 before the siege.")
    assert (number.value, number.subject) == (80_000, "population")


def test_an_age_describes_the_person(nlp):
    number = only_number(nlp, "For 14-year-old Amjad it is safer underground.")
    assert (number.value, number.text, number.kind, number.subject) == (14, "14-year-old", "measure", "Amjad")


# --- things that are not counts ----------------------------------------------------------------


def test_dates_and_years_are_not_numbers(nlp):
    text = "ISIS was deprived of its caliphate in March 2019, and talks resumed on Dec. 15, 2016."
    assert numbers_in(nlp, text) == []


def test_a_bare_year_is_not_a_number(nlp):
    assert numbers_in(nlp, "The power station was commissioned in 1972.") == []


def test_durations_are_measures_of_time_not_counts(nlp):
    number = only_number(nlp, "ISIL has had control of Mosul for two years.")
    assert (number.value, number.kind, number.unit, number.subject) == (2, "measure", "years", None)


def test_clock_times_are_not_numbers(nlp):
    assert numbers_in(nlp, "The briefing starts at 10:30 and ends at 11 a.m.") == []


def test_phone_numbers_are_not_numbers(nlp):
    assert numbers_in(nlp, "Journalists should dial 888-847-6592 to join the call.") == []


def test_sports_scores_are_not_ranges(nlp):
    assert numbers_in(nlp, "Liverpool beat Chelsea 3-1 at Anfield.") == []


def test_identifiers_are_not_counts(nlp):
    text = "The council adopted Resolution 2254, and a Boeing 737 landed at Gate 5."
    assert numbers_in(nlp, text) == []


def test_a_number_after_a_hash_sign_is_an_item_not_a_count(nlp):
    text = "Please see item # 7 of the report, which lists 30 schools."
    assert numbers_in(nlp, text) == [(30, "count", "schools")]


def test_a_date_swallowing_a_count_keeps_the_count(nlp):
    text = "The strikes bring the total number of munitions since Dec. 5 to 922, he added."
    assert numbers_in(nlp, text) == [(922, "count", "munitions")]


def test_ordinals_in_names_and_superlatives_are_left_out(nlp):
    text = "Airmen of the 158th Fighter Wing reached Mosul, the country's second-largest city."
    assert numbers_in(nlp, text) == []


def test_an_age_after_aged_or_set_off_by_commas_is_a_measure_not_a_count(nlp):
    assert numbers_in(nlp, "She died at the age of 95.") == [(95, "measure", "age")]
    assert numbers_in(nlp, "The princess, 67, announced her candidacy.") == [(67, "measure", None)]


def test_list_item_numbers_are_not_counts(nlp):
    assert numbers_in(nlp, "There are two priorities: 1) estimating the ratio and 2) tracking birds.") == [
        (2, "count", "priorities")
    ]


def test_a_fraction_is_a_share_not_a_count_of_its_top(nlp):
    number = only_number(nlp, "Two-thirds of senators must vote to convict.")
    shown = (round(number.value, 4), number.kind, number.unit, number.subject)
    assert shown == (0.6667, "measure", "fraction", "senators")


def test_one_as_a_pronoun_is_not_a_count(nlp):
    assert numbers_in(nlp, "One of them said there is only one way to end this conflict.") == []


def test_a_definite_small_number_is_a_re_mention(nlp):
    assert numbers_in(nlp, "The two leaders discussed the campaign.") == []


def test_a_definite_number_in_an_unhyphenated_compound_is_not_a_re_mention(nlp):
    text = "It has an MSRP of $22,480 for the 5 speed manual transmission version."
    assert numbers_in(nlp, text)[1:] == [(5, "count", "speed")]


def test_map_coordinates_are_not_numbers(nlp):
    assert numbers_in(nlp, "Coordinates: 33°30′21″N 36°16′11″E") == []


# --- the sample article --------------------------------------------------------------------------


def test_sample_article_numbers(sample_briefing):
    found = [(n.value, n.kind, n.subject) for n in sample_briefing.numbers]
    assert found == [
        (5200, "count", "soldiers"),
        (3, "count", "ISIS camps"),
        (3, "ordinal", "week"),
        (250_000, "count", "Iraqi armed forces"),
        (500, "count", "NATO trainers and support staff"),
    ]
