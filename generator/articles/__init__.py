"""Reading articles from `content/articles/` into plain `Article` objects."""

from generator.articles.article import Article
from generator.articles.reader import discover_articles, read_article

__all__ = ["Article", "discover_articles", "read_article"]
