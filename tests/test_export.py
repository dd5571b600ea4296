"""`briefings export`: the site as plain MkDocs input, built without the briefings plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.export import not_in_nav_patterns
from tests.sitebuild import ROOT, build_site, downloads, make_project, view_rows

SLUG = "us-destroys-three-isis-camps-in-iraq"


def _project(tmp: Path) -> Path:
    """The sample project with its committed briefing (nothing to extract: no model needed)."""
    project = make_project(tmp)
    shutil.copytree(ROOT / "content" / "briefings", project / "content" / "briefings")
    return project


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """The sample site exported to `<project>/export/docs`, with its mkdocs.yml in `export/`."""
    project = _project(tmp_path_factory.mktemp("project"))
    out = project / "export"
    assert main(["export", str(out / "docs"), "-f", str(project / "mkdocs.yml")]) == 0
    return out


@pytest.mark.slow
def test_the_exported_folder_builds_with_plain_mkdocs_and_no_plugin_of_ours(exported: Path):
    config = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert "briefings" not in [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert config["docs_dir"] == "docs" and config["nav"][0] == {"Home": "index.md"}
    site = build_site(exported)

    page = (site / "briefings" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "US destroys three ISIS camps in Iraq" in page
    assert "McKenzie" in page and "Kirkuk" in page and "5,200" in page
    assert 'href="../actors/ken-mckenzie.html"' in page  # the highlight links to the actor's page
    actor = (site / "actors" / "ken-mckenzie.html").read_text(encoding="utf-8")
    assert "<title>Ken McKenzie" in actor and "drawing down soon" in actor  # his stated position
    assert f'href="../briefings/{SLUG}.html' in actor
    for view in ("positions", "numbers", "data"):
        assert (site / f"{view}.html").is_file(), view
    positions = view_rows(site, "positions")
    assert any(row["speaker"] == "Ken McKenzie" and "drawing down soon" in row["text"] for row in positions)
    assert any(row["text"] == "5,200" for row in downloads(site, "numbers.csv"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"briefings/{SLUG}.html" in home and (site / "about.html").is_file()


def test_generated_pages_are_kept_out_of_the_navigation(exported: Path):
    config = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    assert "/briefings/*.md" in config
    assert "/actors/ken-mckenzie.md" in config  # one by one: actors/index.md is in the nav


def test_not_in_nav_lists_a_folder_once_unless_it_holds_a_nav_page():
    uris = ["briefings/a.md", "briefings/b.md", "actors/x.md", "actors/by-letter/k.md"]
    assert not_in_nav_patterns(uris, {"actors/index.md"}).splitlines() == [
        "/actors/x.md", "/actors/by-letter/*.md", "/briefings/*.md"]


def test_export_again_replaces_its_own_folder_but_never_someone_else_s(exported: Path, tmp_path: Path,
                                                                       capsys):
    project = exported.parent
    stale = exported / "docs" / "briefings" / "gone.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert main(["export", str(exported / "docs"), "-f", str(project / "mkdocs.yml")]) == 0
    assert not stale.exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.md").write_text("# mine\n", encoding="utf-8")
    assert main(["export", str(foreign), "-f", str(project / "mkdocs.yml")]) == 1
    assert (foreign / "notes.md").is_file()
    assert main(["export", str(project / "docs"), "-f", str(project / "mkdocs.yml")]) == 1
    assert "overwrite the project" in capsys.readouterr().err
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(
        encoding="utf-8")


def test_without_a_nav_the_export_lists_the_sections_and_the_hand_written_pages(tmp_path: Path):
    (tmp_path / "project").mkdir()
    project = _project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("\nnav:")] + "\n", encoding="utf-8")
    assert main(["-q", "export", str(tmp_path / "out" / "docs"), "-f", str(config)]) == 0
    written = (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(written.replace("!ENV", ""))["nav"]
    assert nav[0] == "index.md" and "about.md" in nav and "positions.md" in nav
    assert not any(uri.startswith("briefings/") for uri in nav)
