"""An article without a front-matter date is dated by the date its text states up top."""

from __future__ import annotations

import pytest

from generator.extract.dates import stated_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Friday, January 4, 2019\n\nAn apartment building collapsed on Monday.", "2019-01-04"),
        ("LONDON 1996-08-30\n\nWest Indian all-rounder Phil Simmons took four for 38.", "1996-08-30"),
        ("Published 4 Sept. 2020. The talks resumed.", "2020-09-04"),
    ],
)
def test_full_date_at_the_top_is_the_articles_date(nlp, text, date):
    assert stated_date(nlp(text)) == date


def test_partial_dates_and_dates_deep_in_the_story_are_not_used(nlp):
    assert stated_date(nlp("ISIS lost its caliphate in March 2019.")) is None
    assert stated_date(nlp("Text. " * 100 + "On January 4, 2019 it fell.")) is None
    assert stated_date(nlp("On February 30, 2019 nothing happened.")) is None
