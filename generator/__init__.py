"""Briefing-site generator: news articles -> YAML briefings -> searchable MkDocs site."""

__version__ = "0.1.0"
