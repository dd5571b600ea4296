"""The library's settings, read from mkdocs.yml without MkDocs, agree with the plugin's options."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import OPTIONS, Settings


def test_the_plugin_declares_the_same_options_and_defaults():
    from generator.mkdocs_plugin.config import BriefingsConfig

    config = BriefingsConfig()
    config.load_dict({})
    config.validate()
    defaults = {name: default for name, (_, default) in OPTIONS.items()}
    assert {name: config[name] for name in OPTIONS} == defaults


def test_options_of_mkdocs_yml_become_settings(tmp_path: Path):
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("plugins:\n  - briefings:\n      content: news\n      strict: true\n", encoding="utf-8")
    settings = Settings.from_mkdocs_yml(yml)
    assert settings.articles_dir == tmp_path / "news" / "articles"
    assert settings.strict and settings.extract


def test_an_option_of_the_wrong_type_names_it(tmp_path: Path):
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("plugins:\n  - briefings:\n      extract: maybe\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="extract: expected type: bool"):
        Settings.from_mkdocs_yml(yml)
