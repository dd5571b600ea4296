"""The build pauses Python's cyclic collector while it loads and renders: that must leave no cycles."""

from __future__ import annotations

import gc
from pathlib import Path

from generator.briefing import store
from generator.mkdocs_plugin.collector import long_lived_objects, release_long_lived
from generator.render.pages import PageRenderer

ROOT = Path(__file__).resolve().parents[1]


def test_loading_and_rendering_briefings_leaves_no_reference_cycles(tmp_path: Path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    for number, source in enumerate(sorted((ROOT / "content" / "briefings").glob("*.yaml")) * 3):
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}\n", f"id: copy-{number}\n", 1)
        (folder / f"copy-{number}.yaml").write_text(text, encoding="utf-8")
    renderer = PageRenderer(ROOT / "templates", entity_pages=1)
    # A first run compiles the schema and templates (made once per process, with cycles).
    list(renderer.render_all(store.load_briefings(folder)[0]))
    store._LOADED.clear()
    gc.collect()
    gc.disable()
    try:
        briefings, errors = store.load_briefings(folder)
        pages = list(renderer.render_all(briefings))
        assert briefings and pages and not errors
        del briefings, pages
        assert gc.collect() == 0  # nothing was left for the collector to find
    finally:
        gc.enable()


def test_objects_made_while_paused_are_frozen_until_the_build_ends():
    before = gc.get_freeze_count()
    with long_lived_objects():
        assert not gc.isenabled()
        kept = [{"briefing": n} for n in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() >= before + len(kept)
    release_long_lived()
    assert gc.get_freeze_count() == 0
