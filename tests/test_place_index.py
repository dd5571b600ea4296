"""Place pages keyed by identity: one page per place, whatever the briefings call it."""

from __future__ import annotations

from collections import Counter

from generator.briefing import Actor, Briefing, Location
from generator.render.site_index import build_site_index

HASH = "sha256:" + "0" * 64
US = dict(kind="country", country="US", geonameid=6252001, lat=39.76, lon=-98.5)


def _briefing(bid: str, locations: list[Location], actors: list[Actor] | None = None) -> Briefing:
    return Briefing(id=bid, title=bid.title(), source_file=f"{bid}.md", content_hash=HASH,
                    date="2020-01-01", actors=actors or [], locations=locations)


def _pages_at_one_point(index) -> list[list[str]]:
    """Place pages (a country's page is its actor's) that share a point: the done-condition."""
    pages: dict[tuple[str, str], set[str]] = {}
    for place in index.locations.values():
        if place.has_page and place.lat is not None:
            page = place.actor.slug if place.actor else place.slug
            pages.setdefault((f"{place.lat:.3f}", f"{place.lon:.3f}"), set()).add(page)
    return [sorted(slugs) for slugs in pages.values() if len(slugs) > 1]


def test_united_states_us_and_u_s_are_one_place_titled_by_the_most_used_name():
    a = _briefing("a", [Location("U.S.", mentions=3, **US)])
    b = _briefing("b", [Location("United States", mentions=2, **US)])
    # An older briefing (schema 1) has no GeoNames id, only the same point.
    c = _briefing("c", [Location("US", mentions=2, kind="country", country="US", lat=39.76, lon=-98.5)])
    index = build_site_index([a, b, c])
    [place] = index.locations.values()
    assert place.name == "U.S." and place.aliases == ["United States"]  # "US" is "U.S." without dots
    assert place.names == Counter({"U.S.": 3, "United States": 2, "US": 2})
    assert [x.id for x in place.briefings] == ["a", "b", "c"]
    assert all(index.location_for(x, name) is place
               for x, name in ((a, "U.S."), (b, "United States"), (c, "US")))


def test_a_tie_of_names_is_won_by_the_fuller_name():
    index = build_site_index([_briefing("a", [Location("U.S.", **US)]),
                              _briefing("b", [Location("United States", **US)])])
    [place] = index.locations.values()
    assert (place.name, place.slug, place.aliases) == ("United States", "united-states", ["U.S."])


def test_one_gazetteer_id_is_one_place_though_the_points_differ_a_little():
    a = _briefing("a", [Location("Kirkuk", "city", "IQ", geonameid=94787, lat=35.468, lon=44.392)])
    b = _briefing("b", [Location("Kirkuk city", "city", "IQ", geonameid=94787, lat=35.47, lon=44.39)])
    assert len(build_site_index([a, b]).locations) == 1


def test_two_places_of_one_name_stay_two_pages():
    country = Location("Georgia", "country", "GE", geonameid=614540, lat=42.0, lon=43.5)
    state = Location("Georgia", "region", "US", geonameid=4197000, admin1="GA", lat=32.75, lon=-83.5)
    index = build_site_index([_briefing("a", [country]), _briefing("b", [state])])
    assert sorted(p.slug for p in index.locations.values()) == ["georgia", "georgia-2"]
    assert sorted(p.country for p in index.locations.values()) == ["GE", "US"]


def test_a_place_without_a_point_is_known_by_its_name():
    a = _briefing("a", [Location("Springfield")])
    b = _briefing("b", [Location("springfield")])
    c = _briefing("c", [Location("Springfield", "city", "US", geonameid=4409896, lat=37.2, lon=-93.3)])
    index = build_site_index([a, b, c])
    assert sorted(len(p.briefings) for p in index.locations.values()) == [1, 2]


def test_a_country_named_three_ways_and_as_an_actor_is_one_entity():
    actor = Actor("United States", "country", ["US"])
    a = _briefing("a", [Location("U.S.", **US)], [actor])
    b = _briefing("b", [Location("America", **US)])
    index = build_site_index([a, b])
    [place] = index.locations.values()
    [entity] = index.actors.values()
    assert place.actor is entity and entity.is_place and entity.name == "United States"
    assert {"U.S.", "America"} <= entity.aliases
    assert [x.id for x in entity.briefings] == ["a", "b"]


def test_no_two_place_pages_share_a_point():
    """A synthetic set with every way of naming one place twice: each point has one page."""
    kirkuk = dict(kind="city", country="IQ", lat=35.468, lon=44.392)
    briefings = [
        _briefing("a", [Location("United States", **US), Location("Kirkuk", geonameid=94787, **kirkuk)]),
        _briefing("b", [Location("U.S.", **US), Location("Kirkuk", **kirkuk)]),
        _briefing("c", [Location("US", kind="country", country="US", lat=39.76, lon=-98.5),
                        Location("Karkuk", geonameid=94787, **kirkuk)]),
        _briefing("d", [Location("the United States", **US)], [Actor("U.S.", "country")]),
    ]
    index = build_site_index(briefings)
    assert _pages_at_one_point(index) == []
    assert len([p for p in index.locations.values() if p.has_page]) == 2


def test_a_facility_placed_at_its_towns_point_is_named_on_the_towns_page():
    town = Location("Stavanger", "city", "NO", geonameid=3137115, lat=58.97, lon=5.7333)
    airport = Location("Stavanger Airport", "other", "NO", lat=58.97, lon=5.7333)
    a, b = _briefing("a", [town]), _briefing("b", [airport])
    index = build_site_index([a, b])
    [place] = index.locations.values()
    assert (place.name, place.kind, place.aliases) == ("Stavanger", "city", [])
    assert place.placed == ["Stavanger Airport"]
    assert index.location_for(b, "Stavanger Airport") is place
