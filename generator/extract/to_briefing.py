"""One processed Doc (and its article) -> one Briefing: the only place the two meet."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.articles import Article
from generator.briefing import Actor, Briefing, Location, Number, Position, Source
from generator.extract.dates import stated_date
from generator.extract.doc_items import items
from generator.extract.summary import lead_summary


def briefing_from_doc(doc: Doc, article: Article, extractor: str) -> Briefing:
    """The briefing of `article`, whose text `doc` is after our components ran over it."""
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
        actors=items(doc, "actors", Actor),
        numbers=items(doc, "numbers", Number),
        locations=items(doc, "locations", Location),
        positions=items(doc, "positions", Position),
        extractor=extractor,
    )
