"""Article -> Briefing: one spaCy parse, then the component rules, in one place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from generator import __version__
from generator.articles import Article
from generator.briefing import Briefing, Source
from generator.extract.actors.finder import extract_actors
from generator.extract.dates import stated_date
from generator.extract.fingerprint import extractor_fingerprint
from generator.extract.locations.finder import extract_locations
from generator.extract.nlp import DEFAULT_MODEL, load_nlp
from generator.extract.numbers.finder import extract_numbers
from generator.extract.positions.finder import extract_positions
from generator.extract.summary import lead_summary

# Small batches keep peak memory low on long articles (the corpus has 100k-character ones)
# at no cost in speed: the parse, not the batching, is the work.
BATCH_SIZE = 8


@dataclass
class Extractor:
    """Holds the loaded model; `extract` and `extract_many` turn articles into briefings."""

    model: str = DEFAULT_MODEL

    @property
    def version(self) -> str:
        """What produced a briefing; a change here means briefings are stale."""
        return extractor_fingerprint(__version__, self.model)

    def extract(self, article: Article) -> Briefing:
        """Extract one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Briefing]:
        """Extract articles in order, parsing them in batches (and `jobs` processes)."""
        nlp = load_nlp(self.model)
        articles = list(articles)
        texts = (a.text for a in articles)
        with nlp.memory_zone():
            docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=max(1, jobs))
            for article, doc in zip(articles, docs, strict=True):
                yield self._briefing(article, doc)

    def _briefing(self, article: Article, doc: Doc) -> Briefing:
        starts = paragraph_starts(article.paragraphs)
        actors = extract_actors(doc)
        return Briefing(
            id=article.id,
            title=article.title,
            source_file=article.path.name,
            content_hash=article.content_hash,
            date=article.date or stated_date(doc),
            source=Source(name=article.source, url=article.url),
            tags=list(article.tags),
            summary=lead_summary(doc, article.title),
            paragraphs=list(article.paragraphs),
            actors=actors,
            numbers=extract_numbers(doc),
            locations=extract_locations(doc, actors),
            positions=extract_positions(doc, actors, starts),
            extractor=self.version,
        )


def paragraph_starts(paragraphs: list[str]) -> list[int]:
    """Character offset of each paragraph in `Article.text` (joined by blank lines)."""
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    return starts
