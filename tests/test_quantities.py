"""Quantities as news writes them: value, unit and currency of a number, glued or spaced.

The glued-token reader (`read_glued`) is checked by properties over generated values; each
pattern of the extractor is checked on a real-looking sentence.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.numbers.finder import extract_numbers
from generator.quantities import read_glued

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


def _written(amount) -> str:
    """An amount as a newspaper prints it: thousands separated, no trailing ".00"."""
    text = f"{amount:,.2f}"
    return text[:-3] if text.endswith(".00") else text


@given(amounts)
def test_digits_read_back_as_their_value(amount):
    glued = read_glued(_written(amount))
    assert glued is not None and glued.value == pytest.approx(float(amount))
    assert glued.currency is None and glued.unit is None


@given(amounts, st.sampled_from([("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("RM", "MYR"), ("US$", "USD"),
                                 ("USD", "USD"), ("S$", "SGD")]))
def test_a_currency_before_the_digits_is_money_in_that_currency(amount, sign_code):
    sign, code = sign_code
    glued = read_glued(sign + _written(amount))
    assert glued is not None and glued.currency is not None
    assert glued.currency.currency == code and glued.value == pytest.approx(float(amount))


MULTIPLIERS = [("m", 1e6), ("bn", 1e9), ("mil", 1e6), ("k", 1e3), ("tn", 1e12)]


@given(st.decimals(min_value=0, max_value=999, places=1), st.sampled_from(MULTIPLIERS))
def test_a_glued_multiplier_scales_money(amount, multiplier):
    suffix, factor = multiplier
    glued = read_glued(f"£{amount}{suffix}")
    assert glued is not None and glued.value == pytest.approx(float(amount) * factor)


@given(amounts, st.sampled_from(["kW", "mm", "kg", "km", "mph", "bhp", "mAh", "kWh", "GB", "Hz"]))
def test_a_glued_unit_is_kept_as_written(amount, unit):
    glued = read_glued(_written(amount) + unit)
    assert glued is not None and glued.unit is not None and glued.unit_text == unit
    assert glued.value == pytest.approx(float(amount))


@given(amounts, st.sampled_from(["-", "+", "~"]))
def test_a_sign_is_kept_and_minus_makes_the_value_negative(amount, sign):
    glued = read_glued(sign + _written(amount))
    assert glued is not None and glued.sign == sign
    assert glued.value == pytest.approx(-float(amount) if sign == "-" else float(amount))


@pytest.mark.parametrize("token", ["G20", "A380", "COVID-19", "777X", "1990s", "10th", "F1"])
def test_letters_that_are_no_unit_or_currency_make_a_name_not_a_quantity(token):
    assert read_glued(token) is None


def one(nlp, text):
    """The one number extracted from `text`."""
    found = extract_numbers(nlp(text))
    assert len(found) == 1, [n.text for n in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "currency"),
    [
        ("Shares of the plantation group closed at RM4.10 on Friday.", 4.1, "MYR", "MYR"),
        ("The chief executive will receive a £3m bonus this year.", 3_000_000, "GBP", "GBP"),
        ("The start-up said it had raised USD20m from investors.", 20_000_000, "USD", "USD"),
        ("The group reported a profit of $1.5bn for the quarter.", 1_500_000_000, "USD", "USD"),
        ("Every home gets a 7kW charger for its electric car.", 7, "kW", None),
        ("Second-class stamps will cost 88p from April.", 88, "p", "GBP"),
        ("Forecasters expect ~3mm of rain overnight.", 3, "mm", None),
        ("Exports of wheat reached 4.5m tonnes last season.", 4_500_000, "tonnes", None),
        ("Saudi officials said 5.7  million barrels of per-day production had been disrupted.", 5_700_000,
         "barrels", None),
        ("The car reaches 120 mph on the motorway.", 120, "mph", None),
        ("The phone has a 6.1-inch screen.", 6.1, "inch", None),
        ("The path runs along a 50m drop to the sea.", 50, "m", None),
        ("The ILX's standard 2.4-liter engine has adequate power.", 2.4, "litre", None),
        ("SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam.", 7.5, "kilometres", None),
    ],
)
def test_a_number_has_its_unit_and_currency(nlp, sentence, value, unit, currency):
    number = one(nlp, sentence)
    assert (number.value, number.unit, number.currency) == (pytest.approx(value), unit, currency)


def test_a_range_of_money_has_both_ends(nlp):
    number = one(nlp, "Asia will need between US$300 and 400 billion a year for new power lines.")
    assert (number.low, number.high, number.currency) == (300e9, 400e9, "USD")


def test_a_change_and_the_level_it_reached_are_two_numbers(nlp):
    change, level = extract_numbers(nlp("Operating profit fell by $2bn to $50bn in the year to March."))
    assert (change.value, change.change) == (2e9, "down")
    assert (level.value, level.change) == (50e9, None)


def test_a_percentage_change_is_up_or_down(nlp):
    rose, gained = extract_numbers(nlp("Retail sales rose 15pc while the FTSE 100 gained +1.2%."))
    assert (rose.value, rose.unit, rose.change) == (15, "%", "up")
    assert (gained.value, gained.unit, gained.change) == (1.2, "%", "up")


def test_an_age_is_a_measure_of_time_that_keeps_who_it_is(nlp):
    number = one(nlp, "Police arrested a 34-year-old driver after the crash.")
    assert (number.value, number.kind, number.unit, number.subject) == (34, "measure", "years", "driver")


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("He was 86.", 86),
        ("Elijah Cummings, chairman of the House Oversight and Reform Committee, was 68.", 68),
        ("I was about 18 when I decided I would take it off.", 18),
    ],
)
def test_a_number_a_person_is_gives_the_age(nlp, sentence, age):
    number = one(nlp, sentence)
    assert (number.value, number.kind, number.unit) == (age, "measure", "years")


@pytest.mark.parametrize(
    "sentence",
    ["He was one of the founders of the party.", "From October to March, I was the only one running it."],
)
def test_one_as_a_pronoun_is_no_age(nlp, sentence):
    assert extract_numbers(nlp(sentence)) == []


def test_others_count_what_the_count_before_them_counts(nlp):
    sentence = "The ticket had ballot access in a total of eight states, with write-in access in 23 others."
    assert [n.subject for n in extract_numbers(nlp(sentence))] == ["states", "states"]


def test_times_before_a_comparison_is_a_multiple(nlp):
    number = one(nlp, 'The team wrote that guns "are 2.6 times more lethal than any other means of suicide".')
    assert (number.value, number.kind, number.unit) == (2.6, "measure", "times")
    assert one(nlp, "She has met him four times this year.").kind == "count"


def test_a_duration_is_a_measure_of_time(nlp):
    number = one(nlp, "The bridge will be closed for six weeks.")
    assert (number.value, number.kind, number.unit) == (6, "measure", "weeks")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Profits rose threefold after the merger.", 3, "times"),
        ("A third of the staff will leave the company.", 1 / 3, "fraction"),
        ("Half of the votes went to the incumbent.", 0.5, "fraction"),
    ],
)
def test_fractions_and_multiples_are_shares(nlp, sentence, value, unit):
    number = one(nlp, sentence)
    assert (number.value, number.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The airline flies the Boeing 777 to Lagos.",
        "Shares on the Nasdaq 100 were flat.",
        "Leaders of the G20 met in Rome.",
        "The COVID-19 pandemic closed the border.",
    ],
)
def test_numbers_inside_names_are_not_numbers(nlp, sentence):
    assert extract_numbers(nlp(sentence)) == []


def test_a_four_digit_count_of_a_noun_is_not_a_year(nlp):
    number = one(nlp, "The company now has more than 1000 staff in Leeds.")
    assert (number.value, number.kind, number.subject) == (1000, "count", "staff")


def test_the_unit_after_the_upper_end_is_the_unit_of_both(nlp):
    start, end, _ = extract_numbers(nlp("The car went from 0 to 62 mph in 7.2 seconds."))
    assert (start.value, start.unit, end.value, end.unit) == (0, "mph", 62, "mph")


def test_a_range_of_change_is_one_number(nlp):
    number = one(nlp, "Temperatures dropped by 1 to 1.5 degrees Celsius.")
    assert (number.low, number.high, number.unit, number.change) == (1, 1.5, "degrees Celsius", "down")


def test_a_count_of_units_is_a_measure(nlp):
    number = one(nlp, "The defence gave up 517 rushing yards against Kentucky.")
    assert (number.value, number.kind, number.unit, number.change) == (517, "measure", "yards", None)


def test_a_unit_per_unit_is_one_unit(nlp):
    number = one(nlp, "The film withstands fields of 10 kV/cm without breaking.")
    assert (number.value, number.unit) == (10, "kV/cm")


def test_a_decimal_before_an_abbreviation_is_a_measure_in_it(nlp):
    number = one(nlp, "The shortstop was worth 0.5 WAR last season.")
    assert (number.value, number.kind, number.unit) == (0.5, "measure", "WAR")


def test_the_dead_and_injured_are_people(nlp):
    killed, injured = extract_numbers(nlp("The blaze killed three and injured sixteen on Sunday."))
    assert (killed.subject, injured.subject) == ("people", "people")


def test_a_bare_count_counts_the_noun_of_the_count_before_it(nlp):
    first, second = extract_numbers(nlp("Biden won 9 delegates, followed by Senator Amy Klobuchar, with 6."))
    assert (first.subject, second.subject) == ("delegates", "delegates")


def test_a_count_before_adjectives_counts_the_noun_after_them(nlp):
    sentence = "Two-thirds of the combined 4.3M digital and physical sales came from CDs."
    _, number = extract_numbers(nlp(sentence))
    assert (number.value, number.subject) == (4_300_000, "physical sales")


def test_a_glued_million_before_participle_and_adjectives_counts_the_noun(nlp):
    sentence = "The film was The Greatest Showman, with 2.7m combined digital and physical sales."
    number = one(nlp, sentence)
    assert (number.value, number.kind, number.unit, number.subject) == (2_700_000, "count", None, "sales")


def test_four_digits_past_any_year_count_a_noun_even_in_a_date_span(nlp):
    number = one(nlp, "It marked its straight monthly record in March with sales of 5835 units.")
    assert (number.value, number.kind, number.subject) == (5835, "count", "units")


def test_a_million_the_parse_leaves_loose_counts_the_plural_noun_after_it(nlp):
    number = one(nlp, "Floods in the delta left 3m people without clean water this week.")
    assert (number.value, number.kind, number.subject) == (3_000_000, "count", "people")


def test_a_count_after_or_counts_the_noun_before(nlp):
    number = one(nlp, "The team wants to add another pick or two in the draft.")
    assert (number.value, number.subject) == (2, "pick")
