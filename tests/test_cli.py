"""The command line: exit codes, one line per bad input, and `check` as the build sees it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.briefing.store import dump_briefing
from generator.cli import main
from tests.sitebuild import make_project
from tests.test_incremental import FakeExtractor, write_articles

GOOD = "Harbour reopens\n\nMayor Alice Doe said the harbour in Leeds will reopen on Monday.\n"
BAD_ARTICLES: dict[str, bytes] = {
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "latin1.txt": "Caf\xe9 society\n\nText.".encode("latin-1"),
    "huge.txt": b"Headline\n\n" + b"word " * (2 * 1024 * 1024),  # 10 MB
    "broken.md": b"---\ntitle: [unclosed\n---\n\nText.\n",
}


@pytest.fixture(autouse=True)
def _restore_mkdocs_logging():
    """MkDocs' command line stops its logger propagating and adds a handler on each call;
    undo that so later tests (and caplog) see MkDocs' log records as before."""
    logger = logging.getLogger("mkdocs")
    saved = (logger.propagate, list(logger.handlers), logger.level)
    yield
    logger.propagate, logger.handlers[:], logger.level = saved[0], saved[1], saved[2]


@pytest.fixture
def bad_folder(tmp_path: Path, monkeypatch) -> Path:
    """A project folder (the cwd) whose articles are one good and five bad files."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in BAD_ARTICLES.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("strict", [False, True])
def test_extract_names_each_bad_article_once_and_strict_fails(bad_folder: Path, capsys, strict: bool):
    code = main(["extract", str(bad_folder), *(["--strict"] if strict else [])])
    err = capsys.readouterr().err
    assert code == (1 if strict else 0)
    assert (bad_folder.parent / "briefings" / "good.yaml").is_file()
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD_ARTICLES)
    for name in BAD_ARTICLES:
        assert sum(str(bad_folder / name) in line for line in errors) == 1, name
    assert "extracted: good" in err


def test_extract_rejects_a_bad_shard_or_folder(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "articles", 1)
    assert main(["extract", "articles", "--shard", "5/4"]) == 2
    assert main(["extract", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert "--shard '5/4'" in err and "nowhere: no such folder" in err


def test_extract_export_copies_the_shard_s_briefings(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles = write_articles(tmp_path / "articles", 5)
    monkeypatch.setattr("generator.extract.pipeline.Extractor", lambda *a, **k: FakeExtractor())
    assert main(["extract", str(articles), "--out", "all"]) == 0
    assert main(["extract", str(articles), "--out", "all", "--shard", "1/2", "--export", "one"]) == 0
    assert main(["extract", str(articles), "--out", "all", "--shard", "2/2", "--export", "two"]) == 0
    one, two = ({p.name for p in Path(d).iterdir()} for d in ("one", "two"))
    assert one and two and not one & two
    assert one | two == {p.name for p in Path("all").iterdir()}


def _bad_briefing(folder: Path) -> list[str]:
    """Two briefings with three schema problems between them; return their `check` lines."""
    from generator.briefing import Actor, Briefing

    folder.mkdir(parents=True, exist_ok=True)
    ok = Briefing(id="ok", title="Fine", source_file="ok.txt", content_hash="sha256:" + "a" * 64,
                  actors=[Actor(name="Alice Doe", kind="person")])
    (folder / "ok.yaml").write_text(dump_briefing(ok), encoding="utf-8")
    text = dump_briefing(ok).replace("kind: person", "kind: villain").replace("title: Fine", "title: ''")
    (folder / "bad.yaml").write_text(text + "colour: red\n", encoding="utf-8")
    lines = text.splitlines()
    return [
        f"{folder / 'bad.yaml'}:{len(lines) + 1}: colour: unknown key 'colour'",
        f"{folder / 'bad.yaml'}:{lines.index('  kind: villain') + 1}: actors/0/kind:",
        f"{folder / 'bad.yaml'}:{lines.index(next(x for x in lines if x.startswith('title:'))) + 1}: "
        "title:",
    ]


def test_check_prints_file_line_problem_and_fails(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    expected = _bad_briefing(Path("content") / "briefings")  # check names files as it finds them
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == len(expected)
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), (prefix, lines)
    assert "checked 2 briefings: 3 problems" in err
    (tmp_path / "content" / "briefings" / "bad.yaml").unlink()
    assert main(["check"]) == 0


def test_build_logs_what_check_prints_and_strict_fails(tmp_path: Path, monkeypatch, capsys):
    project = make_project(tmp_path, sample=False)
    monkeypatch.chdir(project)
    _bad_briefing(project / "content" / "briefings")
    main(["check"])
    checked = capsys.readouterr().out.splitlines()
    assert main(["build"]) == 0
    logged = [line.split("-", 1)[1].strip() for line in capsys.readouterr().err.splitlines()
              if line.startswith("WARNING")]
    assert logged == checked and len(checked) == 3
    assert (project / "site" / "briefings" / "ok.html").is_file()
    assert main(["build", "--strict"]) == 1


def test_strict_build_fails_on_each_kind_of_bad_article(tmp_path: Path, monkeypatch):
    project = make_project(tmp_path, {**BAD_ARTICLES, "good.txt": GOOD}, sample=False)
    monkeypatch.chdir(project)
    assert main(["build", "--strict"]) == 1
    assert main(["build"]) == 0
    assert (project / "site" / "briefings" / "good.html").is_file()


def test_the_console_command_says_its_version(capsys):
    from generator import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"briefings {__version__}"


def test_quiet_prints_only_problems(bad_folder: Path, capsys):
    main(["-q", "extract", str(bad_folder)])
    lines = capsys.readouterr().err.splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)


def _set_plugin_option(project: Path, line: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      content: content\n", f"      content: content\n      {line}\n"),
                      encoding="utf-8")


def test_the_plugin_s_strict_option_fails_a_build_with_a_bad_article(tmp_path: Path, monkeypatch):
    project = make_project(tmp_path, {"empty.txt": "", "good.txt": GOOD}, sample=False)
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    _set_plugin_option(project, "strict: true")
    assert main(["build"]) == 1


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_entity_pages_must_be_a_positive_whole_number(tmp_path: Path, monkeypatch, capsys, value: str):
    project = make_project(tmp_path, {"good.txt": GOOD}, sample=False)
    monkeypatch.chdir(project)
    _set_plugin_option(project, f"entity_pages: {value}")
    assert main(["build"]) == 1
    assert "entity_pages" in capsys.readouterr().err


def test_verbose_also_names_what_was_reused_and_the_default_does_not(bad_folder: Path, capsys):
    main(["extract", str(bad_folder)])
    capsys.readouterr()
    main(["extract", str(bad_folder)])
    assert "reused: good" not in capsys.readouterr().err
    main(["extract", "-v", str(bad_folder)])
    err = capsys.readouterr().err.splitlines()
    assert "reused: good" in err and err[-1].startswith("extracted 0, reused 1")


def test_python_m_generator_runs_the_same_command(tmp_path: Path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    assert done.returncode == 0 and done.stdout.startswith("briefings ")
