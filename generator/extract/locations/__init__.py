"""Locations: places named in an article, resolved and geocoded offline (`gazetteer`, `data/`)."""
