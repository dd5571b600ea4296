"""Briefing YAML: deterministic out, safe in, schema errors with `file:line`."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.briefing import Actor, Briefing, Number
from generator.briefing.store import dump_briefing, load_briefing, validation_errors, write_briefing
from generator.errors import BriefingError

HASH = "sha256:" + "0" * 64


def _briefing() -> Briefing:
    return Briefing(
        id="b1", title="T", source_file="b1.md", content_hash=HASH,
        actors=[Actor(name="Ken McKenzie", kind="person", aliases=["McKenzie"], title="Gen.")],
        numbers=[Number(value=5200, text="5,200", subject="soldiers", sentence="5,200 soldiers.")],
    )


def test_briefing_round_trips_through_yaml(tmp_path: Path):
    path = tmp_path / "b1.yaml"
    write_briefing(path, _briefing())
    loaded = load_briefing(path)
    assert loaded == _briefing()
    assert dump_briefing(loaded) == path.read_text(encoding="utf-8")


def test_wrong_types_give_a_schema_error_with_the_line(tmp_path: Path):
    text = dump_briefing(_briefing()).replace("mentions: 1", "mentions: many")
    path = tmp_path / "b1.yaml"
    path.write_text(text, encoding="utf-8")
    [error] = validation_errors(path, text)
    line = text.splitlines().index("  mentions: many") + 1
    assert str(error).startswith(f"{path}:{line}: actors/0/mentions")
    with pytest.raises(BriefingError):
        load_briefing(path)


def test_yaml_is_loaded_safely_without_constructing_objects(tmp_path: Path):
    path = tmp_path / "evil.yaml"
    path.write_text("id: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(BriefingError, match="invalid YAML"):
        load_briefing(path)


def test_unknown_keys_are_reported(tmp_path: Path):
    text = dump_briefing(_briefing()) + "colour: red\n"
    errors = validation_errors(tmp_path / "b1.yaml", text)
    assert any("colour" in str(e) for e in errors)


@pytest.mark.parametrize("text", [
    "a: &x [1, 2]\nb: *x\n",  # an alias is the same object, as with yaml.safe_load
    "x: &a {k: v}\ny: {<<: *a, z: 1}\n",  # merge keys
    "a: 2020-01-01\nb: yes\nc: ~\nd: 1.5\ne: '07'\nf: !!str 1\n",  # every scalar type
    "1: a\n[1]: b\n",  # keys that are not strings
    "title: |\n  two\n  lines\nlist: [a, {b: [c, d]}]\n",
])
def test_the_fast_loader_reads_what_yaml_safe_load_reads(text: str):
    import yaml

    from generator.briefing.store import _FastLoader

    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError as err:
        with pytest.raises(type(err)):
            yaml.load(text, Loader=_FastLoader)
        return
    assert yaml.load(text, Loader=_FastLoader) == expected


def test_the_fast_loader_shares_aliases_instead_of_expanding_them():
    import yaml

    from generator.briefing.store import _FastLoader

    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefg", "abcdef", strict=True):
        levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    data = yaml.load("\n".join(levels) + "\n", Loader=_FastLoader)  # 9**7 strings if expanded
    assert data["g"][0] is data["f"] and data["b"][8] is data["a"]


def test_a_schema_1_briefing_is_migrated_keeping_its_reviewed_places(tmp_path: Path):
    """Schema 2 gave places an identity and merged kind "province" into "region"."""
    path = tmp_path / "old.yaml"
    path.write_text(
        "id: old\ntitle: T\nsource_file: old.md\ncontent_hash: " + HASH + "\nschema: 1\n"
        "locations:\n"
        "- {name: Kirkuk province, kind: province, country: IQ, lat: 35.4, lon: 44.3, reviewed: true}\n"
        "- {name: Mosul, kind: city, country: IQ, lat: 36.3, lon: 43.1}\n",
        encoding="utf-8",
    )
    briefing = load_briefing(path)
    kirkuk, mosul = briefing.locations
    assert briefing.schema == 2
    assert (kirkuk.kind, kirkuk.reviewed, kirkuk.lat) == ("region", True, 35.4)
    assert (mosul.kind, mosul.geonameid, mosul.admin1) == ("city", None, None)


def test_a_place_keeps_its_geonames_identity_through_yaml(tmp_path: Path):
    from generator.briefing import Location

    briefing = _briefing()
    briefing.locations = [Location(name="Lexington", kind="city", country="US", geonameid=4297983,
                                   admin1="KY", lat=37.9887, lon=-84.4777)]
    path = tmp_path / "b1.yaml"
    write_briefing(path, briefing)
    assert load_briefing(path).locations == briefing.locations
