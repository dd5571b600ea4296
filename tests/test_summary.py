"""The summary is the article's lead: not its headline repeated, not its dateline."""

from __future__ import annotations

from generator.extract.summary import lead_summary


def test_sample_summary_is_the_first_paragraph(sample_briefing):
    assert sample_briefing.summary.startswith("U.S. Central Command Gen. Ken McKenzie has repeatedly said")
    assert sample_briefing.summary.endswith("Iraqi Armed Forces alone.")


def test_headline_and_dateline_paragraphs_are_skipped(nlp):
    text = (
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP.\n\nLONDON 1996-08-30\n\n"
        "West Indian all-rounder Phil Simmons took four for 38 on Friday. Leicestershire won.\n\nMore."
    )
    summary = lead_summary(nlp(text), "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP.")
    assert summary == "West Indian all-rounder Phil Simmons took four for 38 on Friday. Leicestershire won."


def test_wikinews_date_line_is_skipped(nlp):
    text = "Friday, January 4, 2019\n\nAn apartment building collapsed on Monday in Magnitogorsk."
    assert lead_summary(nlp(text), "Collapse").startswith("An apartment building collapsed")
