"""The article on a briefing page: each evidence sentence anchored once, terms linked."""

from __future__ import annotations

import re

from generator.render.escaping import anchor_id
from generator.render.highlight import Highlighter, Term

LEAD = "Gen. Ken McKenzie said the force will shrink."
QUOTE = '"I think our numbers are going to get smaller," McKenzie said.'


def test_each_evidence_sentence_is_anchored_once_where_it_first_appears():
    paragraphs = [f"{LEAD} More text.", f"{QUOTE} {LEAD}"]  # the lead repeated in paragraph 2
    html = "".join(Highlighter([], [LEAD, QUOTE, LEAD]).paragraphs(paragraphs))
    ids = re.findall(r'<span class="evidence" id="([^"]+)">', html)
    assert ids == [anchor_id(LEAD), anchor_id(QUOTE)]  # unique ids, in reading order
    assert html.startswith(f'<p id="p0"><span class="evidence" id="{anchor_id(LEAD)}">')


def test_a_sentence_inside_a_longer_one_is_anchored_inside_it():
    # A position's evidence runs over the two sentences of a quotation; an actor's is the
    # second one alone: both links must land, so the second is a span nested in the first.
    second = "McKenzie said."
    passage = f'"The numbers will shrink." {second}'
    [html] = Highlighter([], [second, passage]).paragraphs([passage])
    assert html == (
        f'<p id="p0"><span class="evidence" id="{anchor_id(passage)}">&quot;The numbers will shrink.&quot; '
        f'<span class="evidence" id="{anchor_id(second)}">{second}</span></span></p>'
    )


def test_a_sentence_across_the_edge_of_a_longer_one_is_anchored_where_it_nests():
    # Evidence spans never cross (the HTML would not be well-formed): the overlapping sentence
    # takes its next place that nests, or stays unanchored (benchmarks/quality.py counts those).
    crossing, longer = "One. Two.", "Two. Three."
    paragraphs = ["One. Two. Three.", "Then, again: One. Two."]
    html = "".join(Highlighter([], [crossing, longer]).paragraphs(paragraphs))
    assert f'<p id="p0">One. <span class="evidence" id="{anchor_id(longer)}">' in html
    assert f'again: <span class="evidence" id="{anchor_id(crossing)}">' in html
    assert html.count('class="evidence"') == 2


def test_terms_are_linked_or_marked_inside_anchored_sentences():
    terms = [Term("Ken McKenzie", "hl-actor", "../actors/ken-mckenzie.html"), Term("McKenzie", "hl-actor")]
    [html] = Highlighter(terms, [LEAD]).paragraphs([LEAD])
    assert '<a class="hl hl-actor" href="../actors/ken-mckenzie.html">Ken McKenzie</a>' in html
    assert "<mark" not in html  # the longer name wins; no nested or overlapping highlight
