"""Incremental, sharded, deterministic extraction, and analysts' corrections kept through it all."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from generator.articles import Article, read_article
from generator.briefing import Actor, Briefing, Number
from generator.briefing.store import dump_briefing, load_briefing, write_briefing
from generator.extract_folder import (
    ExtractReport,
    Shard,
    export_briefings,
    extract_folder,
    log_report,
)
from tests.conftest import SAMPLE_ARTICLE, SHARED

WIKINEWS = SHARED / "corpus" / "wikinews"
# Small real articles that fall into each of three shards (with the sample article).
WIKINEWS_PICKS = (
    "2020-02-27-former-egyptian-president-hosni-mubarak-dies.md",
    "2019-07-15-earthquake-injures-25-people-in-southern-philippines.md",
    "2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error.md",
    "2019-08-30-gillibrand-ends-us-presidential-bid.md",
)


class FakeExtractor:
    """Stands in for the spaCy pipeline where only the bookkeeping is under test: instant,
    deterministic, and it records which articles it was asked to extract."""

    def __init__(self, version: str = "fake 1") -> None:
        self.version = version
        self.calls: list[str] = []

    def extract_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Briefing]:
        for article in articles:
            self.calls.append(article.id)
            first = article.paragraphs[0]
            names = sorted(set(re.findall(r"\b[A-Z][a-z]+\b", article.text)))
            yield Briefing(
                id=article.id, title=article.title, source_file=article.path.name,
                content_hash=article.content_hash, summary=first, paragraphs=list(article.paragraphs),
                actors=[Actor(name=n, kind="other", sentence=first) for n in names],
                extractor=self.version,
            )


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"story-{i}.txt").write_text(
            f"Story {i}\n\nMayor Alice Doe said the bridge {i} will reopen.\n", encoding="utf-8"
        )
    return folder


# -- incremental ------------------------------------------------------------------------------


def test_adding_one_article_to_n_re_extracts_only_that_one(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 4), tmp_path / "briefings"
    first = FakeExtractor()
    assert len(extract_folder(articles, out, extractor=first).extracted) == 4
    before = {p.name: p.read_bytes() for p in out.glob("*.yaml")}
    (articles / "new.txt").write_text("New story\n\nBob Roe arrived.\n", encoding="utf-8")
    second = FakeExtractor()
    report = extract_folder(articles, out, extractor=second)
    assert second.calls == report.extracted == ["new"]
    assert sorted(report.reused) == [f"story-{i}" for i in range(4)]
    assert {name: (out / name).read_bytes() for name in before} == before


def test_a_changed_article_or_extractor_version_re_extracts(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 3), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    (articles / "story-1.txt").write_text("Story 1\n\nMayor Alice Doe said no.\n", encoding="utf-8")
    assert extract_folder(articles, out, extractor=FakeExtractor()).extracted == ["story-1"]
    assert extract_folder(articles, out, extractor=FakeExtractor()).extracted == []
    # The version names the model too, so a new model also re-extracts everything.
    newer = FakeExtractor("fake 2; model other")
    assert sorted(extract_folder(articles, out, extractor=newer).extracted) == ["story-0", "story-1",
                                                                                 "story-2"]


def test_nothing_to_do_does_not_load_the_model(tmp_path: Path):
    """An unchanged folder never reaches `extract_many` (where spaCy is loaded)."""
    articles, out = write_articles(tmp_path / "articles", 2), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())

    class Exploding(FakeExtractor):
        def extract_many(self, articles, jobs=1):
            raise AssertionError("the model must not be needed")

    assert len(extract_folder(articles, out, extractor=Exploding()).reused) == 2


def test_report_names_what_was_extracted_and_counts_the_rest(tmp_path: Path, caplog):
    articles, out = write_articles(tmp_path / "articles", 6), tmp_path / "briefings"
    ticks: list[tuple[int, int]] = []
    report = extract_folder(articles, out, shard=Shard(1, 2), extractor=FakeExtractor(),
                            progress=lambda done, total: ticks.append((done, total)))
    assert report.extracted and report.skipped
    assert ticks[-1] == (len(report.extracted), len(report.extracted))
    with caplog.at_level(logging.DEBUG, logger="generator"):
        log_report(report)
    levels = {r.getMessage(): r.levelno for r in caplog.records}
    for article_id in report.extracted:
        assert levels[f"extracted: {article_id}"] == logging.INFO
    for article_id in report.skipped:  # shown with -v only
        assert levels[f"skipped (other shard): {article_id}"] == logging.DEBUG
    assert caplog.records[-1].getMessage() == report.summary()


def test_shards_are_disjoint_stable_and_cover_everything():
    ids = [f"article-{i}" for i in range(200)]
    owners = [[k for k in range(1, 5) if Shard(k, 4).owns(i)] for i in ids]
    assert all(len(o) == 1 for o in owners)
    assert all(sum(o == [k] for o in owners) > 20 for k in range(1, 5))  # roughly balanced
    # Ownership depends on the id alone, not on the other articles.
    assert [Shard(2, 4).owns(i) for i in ids] == [Shard(2, 4).owns(i) for i in reversed(ids)][::-1]
    with pytest.raises(ValueError, match="K/N"):
        Shard.parse("2of4")
    with pytest.raises(ValueError, match="between 1 and N"):
        Shard.parse("5/4")


def test_export_copies_only_the_shard_s_briefings(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 6), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())  # every briefing exists
    report = extract_folder(articles, out, shard=Shard(2, 3), extractor=FakeExtractor())
    copied = export_briefings(report, out, tmp_path / "export")
    assert sorted(p.stem for p in copied) == report.owned
    assert sorted(p.stem for p in (tmp_path / "export").iterdir()) == report.owned


# -- real articles: shards and determinism -----------------------------------------------------


@pytest.fixture(scope="module")
def real_articles(tmp_path_factory) -> Path:
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is absent: the shard/determinism tests need its sample articles")
    folder = tmp_path_factory.mktemp("real") / "articles"
    folder.mkdir()
    shutil.copy(SAMPLE_ARTICLE, folder / SAMPLE_ARTICLE.name)
    for name in WIKINEWS_PICKS:
        shutil.copy(WIKINEWS / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def single_run(real_articles: Path) -> Path:
    out = real_articles.parent / "single"
    report = extract_folder(real_articles, out)
    assert not report.errors and len(report.extracted) == 1 + len(WIKINEWS_PICKS)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def test_union_of_shards_equals_a_single_run_byte_for_byte(real_articles: Path, single_run: Path):
    union: dict[str, bytes] = {}
    for k in (1, 2, 3):
        out = real_articles.parent / f"shard-{k}"
        report = extract_folder(real_articles, out, shard=Shard(k, 3))
        assert report.extracted, f"shard {k}/3 owns no article: pick other sample articles"
        files = _files(out)
        assert not set(files) & set(union), "shards overlap"
        union.update(files)
    assert union == _files(single_run)


def test_same_inputs_give_byte_identical_briefings_and_pages(real_articles: Path, single_run: Path,
                                                             tmp_path: Path):
    from generator.render.pages import PageRenderer

    again = tmp_path / "again"
    extract_folder(real_articles, again, force=True)
    assert _files(again) == _files(single_run)
    templates = Path(__file__).resolve().parent.parent / "templates"

    def pages(folder: Path) -> dict[str, str]:
        briefings = [load_briefing(p) for p in sorted(folder.glob("*.yaml"), reverse=True)]
        return {page.src_uri: page.content for page in PageRenderer(templates).render_all(briefings)}

    first = pages(single_run)
    assert first == pages(again)  # (loaded in another order, too)
    assert not any(re.search(r"\d{2}:\d{2}:\d{2}", content) for content in first.values())


# -- reviewed briefings ----------------------------------------------------------------------


def _edit(path: Path, **changes) -> Briefing:
    briefing = load_briefing(path)
    for key, value in changes.items():
        setattr(briefing, key, value)
    write_briefing(path, briefing)
    return briefing


def test_a_reviewed_briefing_keeps_deletions_and_warns_when_its_article_changes(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 2), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    path = out / "story-0.yaml"
    original = load_briefing(path)
    # The analyst deletes a false actor, fixes another and freezes the briefing.
    actors = [a for a in original.actors if a.name != "Mayor"]
    actors[0].name = "Alice Doe"
    _edit(path, actors=actors, reviewed=True)
    edited = path.read_bytes()
    (articles / "story-0.txt").write_text("Story 0\n\nMayor Alice Doe said Mayor.\n", encoding="utf-8")
    for extractor in (FakeExtractor(), FakeExtractor("fake 2")):  # article, then version change
        report = extract_folder(articles, out, extractor=extractor, force=True)
        assert "story-0" in report.kept_reviewed and "story-0" not in extractor.calls
        assert path.read_bytes() == edited
        [warning] = report.warnings
        new_hash = read_article(articles / "story-0.txt").content_hash
        assert warning.startswith(f"{path}: reviewed briefing kept, but its article")
        assert warning.endswith(f"set `content_hash: {new_hash}`")
    # Once re-reviewed, pasting the new hash in silences the warning.
    _edit(path, content_hash=new_hash)
    assert extract_folder(articles, out, extractor=FakeExtractor()).warnings == []


def test_reviewed_items_survive_re_extraction_and_the_rest_is_refreshed(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 1), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    path = out / "story-0.yaml"
    briefing = load_briefing(path)
    sentence = briefing.paragraphs[0]
    fixed = Actor(name="Mayor", kind="person", title="Mayor", sentence=sentence, reviewed=True)
    added = Number(value=2, text="two", kind="count", subject="bridges", sentence=sentence, reviewed=True)
    _edit(path, actors=[fixed, *briefing.actors[1:]], numbers=[added])
    (articles / "story-0.txt").write_text(
        "Story 0\n\nMayor Alice Doe said the bridge 0 will reopen.\n\nCarol Poe agreed.\n",
        encoding="utf-8",
    )
    report = extract_folder(articles, out, extractor=FakeExtractor())
    assert report.extracted == ["story-0"] and report.warnings == []
    after = load_briefing(path)
    assert after.actors[0] == fixed and after.numbers == [added]
    names = [a.name for a in after.actors]
    assert "Carol" in names and names.count("Mayor") == 1  # refreshed, reviewed one not doubled


def test_a_reviewed_item_whose_sentence_is_gone_is_kept_with_a_warning(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 1), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    path = out / "story-0.yaml"
    briefing = load_briefing(path)
    briefing.actors[0].reviewed = True
    write_briefing(path, briefing)
    (articles / "story-0.txt").write_text("Story 0\n\nEveryone left.\n", encoding="utf-8")
    report = extract_folder(articles, out, extractor=FakeExtractor())
    assert load_briefing(path).actors[0] == briefing.actors[0]
    [warning] = report.warnings
    assert warning.startswith(f"{path}: reviewed actor {briefing.actors[0].name!r}")


def test_an_invalid_hand_edit_is_left_alone_and_reported(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 2), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    path = out / "story-1.yaml"
    text = path.read_text(encoding="utf-8").replace("kind: other", "kind: villain", 1)
    path.write_text(text, encoding="utf-8")
    (articles / "story-1.txt").write_text("Story 1\n\nChanged.\n", encoding="utf-8")
    report = extract_folder(articles, out, extractor=FakeExtractor())
    assert path.read_text(encoding="utf-8") == text
    [error] = report.invalid_briefings
    line = text.splitlines().index("  kind: villain") + 1
    assert str(error).startswith(f"{path}:{line}: actors/0/kind") and report.failed


def test_report_failed_only_on_errors():
    assert not ExtractReport(warnings=["w"]).failed


def test_written_briefings_round_trip_unchanged(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 1), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    path = out / "story-0.yaml"
    assert dump_briefing(load_briefing(path)) == path.read_text(encoding="utf-8")


# -- deleted articles -------------------------------------------------------------------------


def test_a_deleted_article_leaves_an_orphan_briefing_that_is_named_not_deleted(tmp_path: Path, caplog):
    articles, out = write_articles(tmp_path / "articles", 3), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    (articles / "story-1.txt").unlink()
    (articles / "story-2.txt").write_bytes(b"\x00\x01 no longer text")  # unreadable, not deleted
    report = extract_folder(articles, out, extractor=FakeExtractor())
    assert report.orphans == [out / "story-1.yaml"] and (out / "story-1.yaml").is_file()
    with caplog.at_level(logging.INFO, logger="generator"):
        log_report(report)
    assert any(r.getMessage().startswith(f"not published: {out / 'story-1.yaml'}: its article is no longer")
               for r in caplog.records)
    # A reviewed briefing is the analyst's: published with or without its article.
    _edit(out / "story-1.yaml", reviewed=True)
    assert extract_folder(articles, out, extractor=FakeExtractor()).orphans == []


def test_a_project_of_briefings_without_articles_publishes_them_all(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 2), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor())
    for path in articles.iterdir():  # articles kept elsewhere (licensing), briefings committed
        path.unlink()
    assert extract_folder(articles, out, extractor=FakeExtractor()).orphans == []


def test_every_step_an_article_passes_through_is_part_of_the_extractor_fingerprint() -> None:
    """A change to the reader, the gazetteer or the unit tables re-extracts, like a rule change."""
    from generator.extract.fingerprint import PACKAGE_DIR, rule_files

    names = {path.relative_to(PACKAGE_DIR).as_posix() for path in rule_files()}
    assert {"articles/reader.py", "extract/pipeline.py", "geo/resolver.py", "geo/data/gazetteer.sqlite",
            "quantities/data/units.json", "plain_text.py"} <= names
    assert not any(name.startswith(("render/", "mkdocs_plugin/")) for name in names)
