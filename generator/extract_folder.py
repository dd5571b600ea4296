"""Extract a folder of articles into a folder of briefings, incrementally and safely.

A briefing is re-extracted only when its article's content hash or the
extractor version changed. Reviewed briefings (`reviewed: true`) are never
overwritten; reviewed items inside a re-extracted briefing are kept.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.articles import Article, discover_articles, read_article
from generator.briefing import Briefing
from generator.briefing.store import load_briefing, write_briefing
from generator.errors import GeneratorError, SlugError


@dataclass
class ExtractReport:
    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    kept_reviewed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[GeneratorError] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"extracted {len(self.extracted)}, reused {len(self.reused)}, "
            f"kept reviewed {len(self.kept_reviewed)}, skipped {len(self.skipped)} "
            f"(other shards), errors {len(self.errors)}"
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
        digest = hashlib.sha256(article_id.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


def read_articles(folder: Path, report: ExtractReport) -> list[Article]:
    """Read every article of `folder`; bad files and duplicate ids go to `report.errors`."""
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in discover_articles(folder):
        try:
            article = read_article(path)
        except GeneratorError as err:
            report.errors.append(err)
            continue
        key = article.id.lower()
        if key in seen:
            report.errors.append(
                SlugError(
                    path,
                    f"duplicate slug {article.id!r}: {seen[key]} and {path} would both write "
                    f"{article.id}.yaml; rename one of them or give it another `id`",
                )
            )
            continue
        seen[key] = path
        articles.append(article)
    return articles


def extract_folder(
    articles_dir: Path,
    out_dir: Path,
    *,
    model: str | None = None,
    jobs: int = 1,
    shard: Shard = Shard(),
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractReport:
    """Bring `out_dir` up to date with `articles_dir`; return what was done."""
    from generator.extract.pipeline import Extractor  # spaCy is only imported when needed

    extractor = Extractor(model) if model else Extractor()
    report = ExtractReport()
    out_dir = Path(out_dir)
    todo: list[tuple[Article, Briefing | None]] = []
    for article in read_articles(Path(articles_dir), report):
        if not shard.owns(article.id):
            report.skipped.append(article.id)
            continue
        target = out_dir / f"{article.id}.yaml"
        try:
            previous = _load_previous(target)
        except GeneratorError as err:
            # A hand-edited briefing that no longer validates is left alone: overwriting it
            # would lose the analyst's work. They fix it, or delete it to start over.
            report.errors.append(err)
            continue
        if previous is not None and previous.reviewed:
            report.kept_reviewed.append(article.id)
            if previous.content_hash != article.content_hash:
                report.warnings.append(
                    f"{target}: reviewed briefing kept, but its article {article.path} changed "
                    "since; review it again and update content_hash"
                )
            continue
        if (
            not force
            and previous is not None
            and previous.content_hash == article.content_hash
            and previous.extractor == extractor.version
        ):
            report.reused.append(article.id)
            continue
        todo.append((article, previous))
    if not todo:  # nothing changed: do not even load the model
        return report
    briefings = extractor.extract_many([a for a, _ in todo], jobs=jobs)
    for done, (briefing, (article, previous)) in enumerate(zip(briefings, todo, strict=True), 1):
        if previous is not None:
            briefing = keep_reviewed_items(briefing, previous)
        write_briefing(out_dir / f"{article.id}.yaml", briefing)
        report.extracted.append(article.id)
        if progress:
            progress(done, len(todo))
    return report


def _load_previous(target: Path) -> Briefing | None:
    return load_briefing(target) if target.exists() else None


def keep_reviewed_items(fresh: Briefing, previous: Briefing) -> Briefing:
    """Put the reviewed items of `previous` into `fresh`, replacing the fresh ones they cover."""
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
        rest = [item for item in getattr(fresh, key) if ident(item) not in covered]
        setattr(fresh, key, reviewed + rest)
    return fresh


def print_report(report: ExtractReport, stream=sys.stderr) -> None:
    for warning in report.warnings:
        print(f"warning: {warning}", file=stream)
    for error in report.errors:
        print(f"error: {error}", file=stream)
    print(report.summary(), file=stream)
