"""Actors: people, organisations, groups, media and countries named in an article.

`finder` runs the rules over the parsed Doc; `words` reads the word lists of `data/`.
"""
