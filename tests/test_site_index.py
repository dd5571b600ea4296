"""Actors and places linked across briefings, and which of them get a page of their own."""

from __future__ import annotations

from generator.briefing import Actor, Briefing, Location, Position
from generator.render.pages import PageRenderer
from generator.render.site_index import build_site_index
from tests.conftest import ROOT

HASH = "sha256:" + "0" * 64


def _briefing(bid: str, date: str, actors: list[Actor], locations=(), positions=()) -> Briefing:
    return Briefing(id=bid, title=bid.title(), source_file=f"{bid}.md", content_hash=HASH, date=date,
                    actors=actors, locations=list(locations), positions=list(positions))


def test_the_same_person_under_full_name_in_two_articles_is_one_actor():
    a = _briefing("a", "2020-08-01", [Actor("Ken McKenzie", "person", ["McKenzie", "Gen. Ken McKenzie"])])
    b = _briefing("b", "2020-08-05", [Actor("Gen. Ken McKenzie", "person", ["McKenzie"], title="Gen.")])
    index = build_site_index([a, b], min_briefings_for_page=2)
    [entry] = index.actors.values()
    assert [x.id for x in entry.briefings] == ["b", "a"]  # newest first
    assert entry.has_page and entry.title == "Gen."


def test_a_lone_surname_does_not_merge_different_people_across_articles():
    a = _briefing("a", "2020-08-01", [Actor("Ken McKenzie", "person", ["McKenzie"])])
    b = _briefing("b", "2020-08-02", [Actor("Sally McKenzie", "person", ["McKenzie"])])
    assert len(build_site_index([a, b]).actors) == 2


def test_only_actors_named_twice_or_who_spoke_get_a_page():
    speaker = Actor("Myles B. Caggins III", "person", ["Caggins"])
    said = Position("Myles B. Caggins III", "direct", "said", "Airstrikes help", "“Airstrikes help,” he said")
    a = _briefing("a", "2020-08-01", [speaker, Actor("NATO", "organization")], [Location("Syria", "country")],
                  [said])
    b = _briefing("b", "2020-08-02", [Actor("NATO", "organization")], [Location("Iraq", "country")])
    index = build_site_index([a, b], min_briefings_for_page=2)
    pages = {e.name: e.has_page for e in index.actors.values()}
    assert pages == {"Myles B. Caggins III": True, "NATO": True}
    assert not any(place.has_page for place in index.locations.values())
    renderer = PageRenderer(ROOT / "templates", entity_pages=2)
    uris = {page.src_uri for page in renderer.render_all([a, b])}
    assert {s.uri for s in renderer.stamped} == {"actors/myles-b-caggins-iii.html", "actors/nato.html"}
    assert "actors/entity-shell.md" in uris and "locations/entity-shell.md" not in uris
