"""Extraction: Article -> Briefing. Knows spaCy, never HTML or MkDocs."""
