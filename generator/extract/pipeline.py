"""Articles -> Briefings: one spaCy pipeline (parse, then our components) over all of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator import __version__
from generator.articles import Article
from generator.briefing import Briefing
from generator.extract.fingerprint import extractor_fingerprint
from generator.extract.nlp import DEFAULT_MODEL, load_nlp
from generator.extract.to_briefing import briefing_from_doc

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
        """Extract articles in order, in batches; `jobs` processes run the parse and the rules."""
        nlp = load_nlp(self.model)
        articles = list(articles)
        texts = (a.text for a in articles)
        with nlp.memory_zone():
            docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=max(1, jobs))
            for article, doc in zip(articles, docs, strict=True):
                yield briefing_from_doc(doc, article, self.version)


def paragraph_starts(paragraphs: list[str]) -> list[int]:
    """Character offset of each paragraph in `Article.text` (joined by blank lines)."""
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    return starts
