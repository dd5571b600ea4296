"""A missing spaCy model is one clear error that says how to install it."""

from __future__ import annotations

import pytest

from generator.errors import ModelError
from generator.extract.nlp import load_nlp


def test_a_model_that_is_not_installed_says_how_to_get_one():
    with pytest.raises(ModelError, match="not installed: run `make install`"):
        load_nlp("no_such_model_xyz")
