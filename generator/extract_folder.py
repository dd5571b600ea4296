"""Extract a folder of articles into a folder of briefings, incrementally and safely.

A briefing is re-extracted only when its article's content hash or the extractor
version (which names the model) changed. Analysts' corrections survive:

- `reviewed: true` at the top of a briefing freezes all of it, deletions included; if its
  article changes, the run warns (with the new hash to paste once re-reviewed) instead of
  overwriting it;
- `reviewed: true` on an item keeps that item through re-extraction, replacing the fresh
  item it covers (same name, or same text and sentence); the rest is re-extracted.

Every write is atomic, so a killed run leaves each briefing whole (old or new).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.articles import Article, discover_articles, read_article
from generator.briefing import Briefing
from generator.briefing.edits import edited_away, fingerprints, hand_edits, item_digest
from generator.briefing.store import load_briefing, remove_stale_temp_files, write_briefing
from generator.duplicates import (
    article_texts,
    copies_by_original,
    find_copies,
    mark,
    mark_written,
    referenced,
)
from generator.errors import ArticleError, BriefingError, GeneratorError, SlugError

ITEM_LISTS = ("actors", "numbers", "locations", "positions")
log = logging.getLogger(__name__)


class BriefingExtractor(Protocol):
    """What extraction needs from `generator.extract.pipeline.Extractor` (tests pass fakes)."""

    @property
    def version(self) -> str: ...

    def extract_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Briefing]: ...


@dataclass
class ExtractReport:
    """What one run did, article by article, and what went wrong."""

    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    kept_reviewed: list[str] = field(default_factory=list)
    # Briefings edited by hand without `reviewed: true`: kept as they are, with a warning.
    kept_edited: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[GeneratorError] = field(default_factory=list)
    # Hand-edited briefings that no longer validate: left alone, and kept apart from
    # `errors` because loading the briefings for the site reports them again.
    invalid_briefings: list[BriefingError] = field(default_factory=list)
    removed_temp_files: list[Path] = field(default_factory=list)
    # Briefings whose article is gone (deleted or renamed) and that nobody reviewed: the site
    # stops publishing them, as it would a retracted story; the files are left for the user.
    orphans: list[Path] = field(default_factory=list)
    # Briefings not re-extracted whose `duplicate_of`/`copies` changed (duplicates.py).
    marked_copies: list[str] = field(default_factory=list)

    @property
    def owned(self) -> list[str]:
        """Ids of the briefings this run (this shard) is responsible for, sorted."""
        return sorted(self.extracted + self.reused + self.kept_reviewed + self.kept_edited)

    @property
    def failed(self) -> bool:
        """True when `--strict` must fail: a bad article or a bad briefing."""
        return bool(self.errors or self.invalid_briefings)

    def summary(self) -> str:
        return (
            f"extracted {len(self.extracted)}, reused {len(self.reused)}, "
            f"kept reviewed {len(self.kept_reviewed)}, kept hand-edited {len(self.kept_edited)}, "
            f"skipped {len(self.skipped)} "
            f"(other shards), errors {len(self.errors) + len(self.invalid_briefings)}"
        )


@dataclass(frozen=True)
class Shard:
    """The K-th (1-based) of N disjoint, stable slices of the articles."""

    index: int = 1
    count: int = 1

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            k, n = (int(part) for part in text.split("/"))
        except ValueError:
            raise ValueError(f"--shard {text!r}: write it as K/N, e.g. 2/4") from None
        if not 1 <= k <= n:
            raise ValueError(f"--shard {text!r}: K must be between 1 and N")
        return cls(k, n)

    def owns(self, article_id: str) -> bool:
        # A hash of the id, not the position in the folder: adding an article never moves
        # the others to another shard, so each CI job keeps reusing the same briefings.
        digest = hashlib.sha256(article_id.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


def read_articles(folder: Path, report: ExtractReport) -> list[Article]:
    """Read every article of `folder`; bad files and duplicate ids go to `report.errors`.

    Two articles with one id write neither: the file whose `id` differs from its own name is
    the one to blame (`a.md` saying `id: b` beside `b.md`); when none or both do, both are.
    """
    articles: list[Article] = []
    for path in discover_articles(folder):
        try:
            articles.append(read_article(path))
        except GeneratorError as err:
            report.errors.append(err)
        except OSError as err:  # unreadable file (permissions, vanished mid-run)
            report.errors.append(ArticleError(path, f"cannot read: {err.strerror or err}"))
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(article.id.lower(), []).append(article)
    kept = []
    for same in by_id.values():
        if len(same) == 1:
            kept.extend(same)
            continue
        culprits = [article for article in same if article.path.stem != article.id] or same[:1]
        for article in culprits:
            others = " and ".join(str(other.path) for other in same if other is not article)
            report.errors.append(SlugError(
                article.path,
                f"duplicate id {article.id!r}: {others} has it too, so neither is written "
                f"to {article.id}.yaml; rename the file or change its `id`",
            ))
    return kept


def extract_folder(
    articles_dir: Path,
    out_dir: Path,
    *,
    model: str | None = None,
    jobs: int = 1,
    shard: Shard = Shard(),
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    extractor: BriefingExtractor | None = None,
) -> ExtractReport:
    """Bring `out_dir` up to date with `articles_dir`; return what was done."""
    if extractor is None:
        from generator.extract.pipeline import Extractor  # spaCy is only imported when needed

        extractor = Extractor(model) if model else Extractor()
    report = ExtractReport()
    out_dir = Path(out_dir)
    report.removed_temp_files = remove_stale_temp_files(out_dir)
    articles = read_articles(Path(articles_dir), report)
    report.orphans = find_orphans(Path(articles_dir), articles, out_dir)
    todo = _plan(articles, out_dir, extractor.version, shard, force, report)
    copies, recheck = _copy_groups(articles, todo, report, shard)
    originals = copies_by_original(copies)
    if not todo:  # nothing changed: do not even load the model
        report.marked_copies = mark_written(out_dir, recheck, copies)
        return report
    previous_of = {article.id: previous for article, previous in todo}
    done = 0
    for article, briefing in _extract_each(extractor, [article for article, _ in todo], jobs, report):
        previous = previous_of[article.id]
        if previous is not None:
            briefing = keep_reviewed_items(briefing, previous)
            report.warnings.extend(_lost_evidence(briefing, article, out_dir))
        mark(briefing, copies, originals)
        briefing.fingerprints = fingerprints(briefing)
        try:
            write_briefing(out_dir / f"{article.id}.yaml", briefing)
        except BriefingError as err:  # a full disk, a read-only folder: the old file stays
            report.errors.append(err)
            continue
        report.extracted.append(article.id)
        done += 1
        if progress:
            progress(done, len(todo))
    written = set(report.extracted) | {article.id for article, _ in todo}  # a failed one: left as is
    report.marked_copies = mark_written(out_dir, recheck - written, copies)
    return report


def _copy_groups(articles: list[Article], todo: list[tuple[Article, Briefing | None]],
                 report: ExtractReport, shard: Shard) -> tuple[dict[str, str], set[str]]:
    """Who copies whom (copy id -> original id), and this shard's briefings that were not
    re-extracted but may have to say so differently now. Only an added, changed or removed
    article can change the groups, so an unchanged folder costs nothing here."""
    if not todo and not report.orphans:
        return {}, set()
    copies = find_copies(article_texts(articles))
    recheck = set(copies) | set(copies.values())
    for _, previous in todo:  # a changed article may have stopped being someone's copy
        recheck |= referenced(previous)
    for path in report.orphans:
        recheck |= referenced(load_briefing(path))
    return copies, {article_id for article_id in recheck if shard.owns(article_id)}


def _extract_each(
    extractor: BriefingExtractor, articles: list[Article], jobs: int, report: ExtractReport
) -> Iterator[tuple[Article, Briefing]]:
    """(article, briefing) for each article that extracts; one that makes the extractor fail
    is an error naming its file, and the others are still extracted.

    The articles go through the extractor in bulk (its batches and processes); after a
    failure, the first article not yet done is tried alone: it is the culprit if it fails
    again, else the bulk goes on after it.
    """
    rest = list(articles)
    while rest:
        done = 0
        try:
            for briefing in extractor.extract_many(rest, jobs=jobs):
                yield rest[done], briefing
                done += 1
            return
        except Exception:  # one article must not stop the others
            first, rest = rest[done], rest[done + 1 :]
        try:
            alone = next(iter(extractor.extract_many([first], jobs=1)))
        except Exception as err:
            report.errors.append(ArticleError(
                first.path, f"extraction failed ({type(err).__name__}: {err}); the other articles "
                "were extracted — please report this file"))
            continue
        yield first, alone


ORPHAN_HINT = ("its article is no longer in the articles folder; delete the briefing, or set "
               "`reviewed: true` in it to publish it without its article")


def find_orphans(articles_dir: Path, articles: list[Article], out_dir: Path) -> list[Path]:
    """The unreviewed briefings of `out_dir` with no article in `articles_dir` (sorted).

    An article that could not be read this time still counts as there: its last good briefing
    stays published while its error is reported. With no articles at all, there are no
    orphans: a project may keep only its briefings (articles extracted elsewhere).
    """
    files = discover_articles(articles_dir)
    if not files:
        return []
    there = {article.id.lower() for article in articles} | {path.stem.lower() for path in files}
    orphans = []
    for path in sorted(out_dir.glob("*.yaml")) if out_dir.is_dir() else []:
        if path.stem.lower() in there:
            continue
        try:
            reviewed = load_briefing(path).reviewed
        except BriefingError:
            continue  # reported as an invalid briefing when the site loads it
        if not reviewed:
            orphans.append(path)
    return orphans


def _plan(
    articles: list[Article],
    out_dir: Path,
    version: str,
    shard: Shard,
    force: bool,
    report: ExtractReport,
) -> list[tuple[Article, Briefing | None]]:
    """Sort the articles into skipped, reused and kept (in `report`) and the ones to extract."""
    todo: list[tuple[Article, Briefing | None]] = []
    for article in articles:
        if not shard.owns(article.id):
            report.skipped.append(article.id)
            continue
        target = out_dir / f"{article.id}.yaml"
        try:
            previous = load_briefing(target) if target.exists() else None
        except BriefingError as err:
            # A hand-edited briefing that no longer validates is left alone: overwriting it
            # would lose the analyst's work. They fix it, or delete it to start over.
            report.invalid_briefings.append(err)
            continue
        if previous is not None and previous.reviewed:
            report.kept_reviewed.append(article.id)
            if previous.content_hash != article.content_hash:
                report.warnings.append(
                    f"{target}: reviewed briefing kept, but its article {article.path} changed "
                    f"since; review it again, then set `content_hash: {article.content_hash}`"
                )
            continue
        if not force and previous is not None and (previous.content_hash, previous.extractor) == (
                article.content_hash, version):
            report.reused.append(article.id)
            continue
        if previous is not None and (edits := hand_edits(previous)):
            # Re-extracting would overwrite what an analyst changed without marking it.
            report.kept_edited.append(article.id)
            report.warnings.append(
                f"{target}: edited by hand without `reviewed: true` ({'; '.join(edits)}); kept as "
                "it is and not re-extracted: mark what you changed `reviewed: true` (or the whole "
                "briefing), or delete the file to extract it afresh"
            )
            continue
        todo.append((article, previous))
    return todo


def keep_reviewed_items(fresh: Briefing, previous: Briefing) -> Briefing:
    """Put the reviewed items of `previous` into `fresh`, replacing the fresh ones they cover:
    the same name (or text and sentence), or the very item an analyst edited into one."""
    for key, ident in (
        ("actors", lambda item: item.name.casefold()),
        ("numbers", lambda item: (item.text, item.sentence)),
        ("locations", lambda item: item.name.casefold()),
        ("positions", lambda item: (item.text, item.sentence)),
    ):
        reviewed = [item for item in getattr(previous, key) if item.reviewed]
        if not reviewed:
            continue
        covered = {ident(item) for item in reviewed}
        replaced = edited_away(previous, key)
        rest = [item for item in getattr(fresh, key)
                if ident(item) not in covered and not (replaced and item_digest(item) in replaced)]
        setattr(fresh, key, reviewed + rest)
    return fresh


def _lost_evidence(briefing: Briefing, article: Article, out_dir: Path) -> list[str]:
    """Warnings for reviewed items whose evidence sentence is gone from the changed article."""
    target = out_dir / f"{article.id}.yaml"
    text = " ".join(article.text.split())
    warnings = []
    for key in ITEM_LISTS:
        for item in getattr(briefing, key):
            sentence = " ".join(item.sentence.split())
            if item.reviewed and sentence and sentence not in text:
                label = getattr(item, "name", None) or item.text
                warnings.append(
                    f"{target}: reviewed {key[:-1]} {label!r} kept, but its sentence is no longer "
                    f"in {article.path}; check it"
                )
    return warnings


def export_briefings(report: ExtractReport, out_dir: Path, export_dir: Path) -> list[Path]:
    """Copy this run's briefings (its shard's) from `out_dir` to `export_dir`.

    A CI matrix job uploads only these, so merging the jobs' uploads cannot let one job's
    stale copy of a briefing overwrite the fresh one another job extracted.
    """
    export_dir = Path(export_dir)
    export_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for article_id in report.owned:
        source = Path(out_dir) / f"{article_id}.yaml"
        if source.is_file():
            copied.append(Path(shutil.copy2(source, export_dir / source.name)))
    return copied


def log_report(report: ExtractReport, logger: logging.Logger | None = None) -> None:
    """Log what was extracted (by name) and every problem (warnings, errors) at INFO and above;
    what was reused and skipped at DEBUG (`-v`); the summary last, at INFO."""
    logger = logger or log
    for article_id in report.extracted:
        logger.info("extracted: %s", article_id)
    for article_id in report.kept_reviewed:
        logger.info("kept reviewed: %s", article_id)
    for article_id in report.reused:
        logger.debug("reused: %s", article_id)
    for article_id in report.skipped:
        logger.debug("skipped (other shard): %s", article_id)
    if report.removed_temp_files:
        logger.info("removed %d temporary file(s) of an interrupted run", len(report.removed_temp_files))
    for path in report.orphans:
        logger.info("not published: %s: %s", path, ORPHAN_HINT)
    for article_id in report.marked_copies:
        logger.info("copies updated: %s", article_id)
    for warning in report.warnings:
        logger.warning("%s", warning)
    for error in [*report.errors, *report.invalid_briefings]:
        logger.error("%s", error)
    logger.info("%s", report.summary())
