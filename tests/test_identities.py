"""One actor, one identity across the site: accents and case folded, and an analyst's
identity file (content/identities.yaml) that merges, splits, renames and suppresses actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.briefing import Actor, Briefing, Position
from generator.errors import BriefingError
from generator.render.identities import apply_identities, load_identities
from generator.render.site_index import build_site_index

HASH = "sha256:" + "0" * 64


def _briefing(bid: str, actors: list[Actor], positions=(), reviewed: bool = False) -> Briefing:
    return Briefing(id=bid, title=bid, source_file=f"{bid}.md", content_hash=HASH, date="2020-01-01",
                    actors=actors, positions=list(positions), reviewed=reviewed)


def _rules(tmp_path: Path, text: str):
    path = tmp_path / "identities.yaml"
    path.write_text(text, encoding="utf-8")
    return load_identities(path)


def _said(speaker: str) -> Position:
    return Position(speaker, "direct", "said", "We will not retreat", f"{speaker} said: We will not retreat")


def test_accented_and_plain_spellings_are_one_actor_with_every_statement():
    a = _briefing("a", [Actor("Erdoğan", "person")], [_said("Erdoğan")])
    b = _briefing("b", [Actor("Erdogan", "media")], [_said("Erdogan")])
    c = _briefing("c", [Actor("Erdoğan", "person")], [_said("Erdoğan")])
    [entry] = build_site_index([a, b, c], min_briefings_for_page=2).actors.values()
    assert entry.name == "Erdoğan" and entry.kind == "person"
    assert len(entry.positions) == 3


def test_merge_rule_gives_one_canonical_name_and_page(tmp_path):
    rules = _rules(tmp_path, "Erdogan: Recep Tayyip Erdoğan\nAFP: Agence France-Presse\n")
    a = _briefing("a", [Actor("Erdogan", "person"), Actor("AFP", "media")], [_said("Erdogan")])
    b = _briefing("b", [Actor("Recep Tayyip Erdoğan", "person"), Actor("Agence France-Presse", "media")])
    index = build_site_index([a, b], min_briefings_for_page=2, identities=rules)
    assert sorted(e.name for e in index.actors.values()) == ["Agence France-Presse", "Recep Tayyip Erdoğan"]
    erdogan = next(e for e in index.actors.values() if e.kind == "person")
    assert erdogan.positions and erdogan.has_page and "Erdogan" in erdogan.aliases
    assert index.warnings == []


def test_two_names_merged_inside_one_briefing_become_one_actor(tmp_path):
    rules = _rules(tmp_path, "Saree: Yahya Sarea\n")
    a = _briefing("a", [Actor("Yahya Sarea", "person", mentions=2), Actor("Saree", "person")])
    [briefing], _ = apply_identities([a], rules)
    [actor] = briefing.actors
    assert actor.name == "Yahya Sarea" and actor.mentions == 3 and "Saree" in actor.aliases
    assert [x.name for x in a.actors] == ["Yahya Sarea", "Saree"]  # the loaded briefing is untouched


def test_suppress_removes_the_name_from_every_briefing(tmp_path):
    rules = _rules(tmp_path, "suppress: [Witch Hunt]\n")
    a = _briefing("a", [Actor("Witch Hunt", "person"), Actor("Donald Trump", "person")])
    b = _briefing("b", [Actor("witch hunt", "person")])
    index = build_site_index([a, b], identities=rules)
    assert [e.name for e in index.actors.values()] == ["Donald Trump"]


def test_split_gives_one_briefing_its_own_actor(tmp_path):
    rules = _rules(tmp_path, "split:\n  Michael Jordan:\n    b: Michael Jordan (economist)\n")
    a = _briefing("a", [Actor("Michael Jordan", "person")])
    b = _briefing("b", [Actor("Michael Jordan", "person")])
    index = build_site_index([a, b], identities=rules)
    assert sorted(e.name for e in index.actors.values()) == ["Michael Jordan", "Michael Jordan (economist)"]


def test_kind_rule_corrects_the_kind(tmp_path):
    rules = _rules(tmp_path, "kind:\n  Hagia Sophia: other\n")
    [briefing], warnings = apply_identities([_briefing("a", [Actor("Hagia Sophia", "person")])], rules)
    assert briefing.actors[0].kind == "other" and warnings == []


def test_a_rule_that_matches_nothing_is_reported_with_file_and_rule(tmp_path):
    rules = _rules(tmp_path, "Erdgoan: Recep Tayyip Erdoğan\nsuppress: [Witch Hunt]\n")
    _, warnings = apply_identities([_briefing("a", [Actor("Witch Hunt", "person")])], rules)
    path = tmp_path / "identities.yaml"
    assert warnings == [f"{path}: rule 'Erdgoan: Recep Tayyip Erdoğan' matches no actor"]


def test_a_reviewed_briefing_wins_over_the_file(tmp_path):
    rules = _rules(tmp_path, "Erdogan: Recep Tayyip Erdoğan\nsuppress: [Witch Hunt]\n")
    reviewed = _briefing("a", [Actor("Erdogan", "person"), Actor("Witch Hunt", "other")], reviewed=True)
    item = _briefing("b", [Actor("Erdogan", "person", reviewed=True)])
    out, warnings = apply_identities([reviewed, item], rules)
    assert [a.name for a in out[0].actors] == ["Erdogan", "Witch Hunt"]
    assert out[1].actors[0].name == "Erdogan"
    assert warnings == []  # the rules did match; the analyst's own briefing won


def test_a_malformed_file_names_itself(tmp_path):
    with pytest.raises(BriefingError, match=r"identities\.yaml"):
        _rules(tmp_path, "kind:\n  Hagia Sophia: building\n")


def test_a_missing_file_is_no_rules(tmp_path):
    rules = load_identities(tmp_path / "identities.yaml")
    a = _briefing("a", [Actor("NATO", "organization")])
    assert apply_identities([a], rules) == ([a], [])


def test_an_acronym_alone_joins_the_one_actor_that_other_briefings_gave_it_as_alias():
    a = _briefing("a", [Actor("Agence France-Presse", "media", ["AFP"])])
    b = _briefing("b", [Actor("AFP", "media")])
    c = _briefing("c", [Actor("Agence France-Presse", "media")])
    [entry] = build_site_index([a, b, c]).actors.values()
    assert entry.name == "Agence France-Presse" and len(entry.briefings) == 3


def test_a_surname_alone_stays_apart_when_two_people_carry_it():
    a = _briefing("a", [Actor("Ken McKenzie", "person", ["McKenzie"])])
    b = _briefing("b", [Actor("Sally McKenzie", "person", ["McKenzie"])])
    c = _briefing("c", [Actor("McKenzie", "person")])
    assert len(build_site_index([a, b, c]).actors) == 3


def test_two_people_of_one_name_with_conflicting_titles_are_two_actors():
    a = _briefing("a", [Actor("John Smith", "person", title="Gen.")])
    b = _briefing("b", [Actor("John Smith", "person", title="Rep.")])
    assert len(build_site_index([a, b]).actors) == 2


def test_a_country_that_is_actor_and_place_is_one_entity_with_one_page():
    from generator.briefing import Location
    from generator.render.pages import entity_uri

    a = _briefing("a", [Actor("United States", "country", ["U.S."])])
    a.locations = [Location("U.S.", "country", "US", 39.8, -98.6)]
    b = _briefing("b", [])
    b.locations = [Location("America", "country", "US", 39.8, -98.6)]
    index = build_site_index([a, b], min_briefings_for_page=2)
    [actor] = index.actors.values()
    assert actor.name == "United States" and actor.is_place and actor.has_page
    assert {place.name for place in index.locations.values()} == {"United States"}
    assert {entity_uri("locations", place) for place in index.locations.values()} == {
        entity_uri("actors", actor)
    }
    assert len(actor.briefings) == 2  # the briefings of both roles on the one page


def test_a_group_named_in_the_plural_elsewhere_is_one_actor():
    a = _briefing("a", [Actor("Houthi", "organization")])
    b = _briefing("b", [Actor("Houthis", "group")])
    [entry] = build_site_index([a, b]).actors.values()
    assert len(entry.briefings) == 2
