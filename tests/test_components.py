"""Our extraction rules as spaCy components: what they write on a Doc, and --jobs."""

from __future__ import annotations

import dataclasses

import pytest

from generator.articles import read_article
from generator.extract.doc_items import actors
from tests.conftest import SAMPLE_ARTICLE

TEXT = (
    "Defence Secretary John Healey said on Thursday that RAF Typhoons had intercepted two "
    "Russian bombers over the North Sea. \"Our pilots stand ready,\" Healey said in London."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_the_pipeline_runs_our_components_after_the_parse(nlp):
    names = nlp.pipe_names
    assert names[-4:] == ["briefing_actors", "briefing_numbers", "briefing_locations", "briefing_positions"]
    assert names.index("actor_ruler") < names.index("ner")


def test_actor_mentions_are_spans_labelled_with_the_actors_kind(doc):
    mentions = [(s.text, s.label_, s._.actor) for s in doc.spans["actors"]]
    assert ("John Healey", "person", "John Healey") in mentions
    assert ("Healey", "person", "John Healey") in mentions
    healey = next(a for a in actors(doc) if a.name == "John Healey")
    assert (healey.title, healey.mentions) == ("Defence Secretary", 2)


def test_places_and_positions_are_on_the_doc(doc):
    places = {s.text: (s.label_, s._.place) for s in doc.spans["locations"]}
    assert places["London"] == ("city", "London")
    assert [(p["speaker"], p["kind"]) for p in doc._.positions] == [
        ("John Healey", "indirect"),
        ("John Healey", "direct"),
    ]
    assert [n["value"] for n in doc._.numbers] == [2]


def test_a_users_own_pipeline_gets_the_same_facts(doc):
    import spacy

    from generator.extract.nlp import DEFAULT_MODEL, add_briefing_components

    own = spacy.load(DEFAULT_MODEL)
    add_briefing_components(own)
    theirs = own(TEXT)
    assert theirs._.actors == doc._.actors and theirs._.positions == doc._.positions


def test_two_processes_give_the_same_briefings_as_one():
    """With --jobs the rules run in the worker processes too; the Docs come back whole."""
    from generator.extract.pipeline import Extractor

    article = read_article(SAMPLE_ARTICLE)
    one, two = (
        [dataclasses.asdict(b) for b in Extractor().extract_many([article, article], jobs=jobs)]
        for jobs in (1, 2)
    )
    assert one == two
