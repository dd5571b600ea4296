"""Reading articles: the two input formats, and bad files named in one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.articles import read_article
from generator.errors import ArticleError, SlugError
from generator.extract_folder import ExtractReport, read_articles
from tests.conftest import SAMPLE_ARTICLE


def test_sample_txt_article_has_headline_as_title_and_no_boilerplate():
    article = read_article(SAMPLE_ARTICLE)
    assert article.title.startswith("US destroys three ISIS camps in Iraq")
    assert article.paragraphs[0].startswith("U.S. Central Command Gen. Ken McKenzie")
    assert "." not in article.paragraphs  # the lone dateline dot is dropped
    assert not any(p.startswith("Related Content") for p in article.paragraphs)
    assert article.paragraphs[-1].endswith("continue operations against ISIS.”")
    assert article.id == article.slug == "us-destroys-three-isis-camps-in-iraq"
    assert article.content_hash.startswith("sha256:")


def test_markdown_article_reads_front_matter(tmp_path: Path):
    path = tmp_path / "storm.md"
    path.write_text(
        "---\nid: storm-2024\ntitle: Storm hits coast\ndate: 2024-05-01\nsource: Wire\n"
        "url: https://example.org/storm\ntags: [weather]\n---\n\nA storm hit.\n\nMore rain.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert (article.id, article.title, article.date) == ("storm-2024", "Storm hits coast", "2024-05-01")
    assert (article.source, article.url, article.tags) == ("Wire", "https://example.org/storm", ["weather"])
    assert article.paragraphs == ["A storm hit.", "More rain."]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.md", b"", "empty article"),
        ("blank.txt", b"\n \n", "empty article"),
        ("latin1.txt", "Caf\xe9 news\n\nText".encode("latin-1"), "not valid UTF-8"),
        ("binary.txt", b"\x00\x01\x02PNG", "binary file"),
        ("broken.md", b"---\ntitle: [unclosed\n---\n\nText\n", "broken front matter"),
        ("unclosed.md", b"---\ntitle: x\n\nText\n", "no closing '---'"),
        ("notitle.md", b"---\ndate: 2024-01-01\n---\n\nText\n", "no 'title'"),
        ("baddate.md", b"---\ntitle: x\ndate: yesterday\n---\n\nText\n", "not a YYYY-MM-DD"),
        ("onlytitle.txt", b"Headline\n", "no text"),
    ],
)
def test_bad_article_gives_one_line_error_naming_the_file(tmp_path: Path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    message = str(err.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_oversized_article_is_rejected(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Headline\n\n" + b"word " * 2_200_000)
    with pytest.raises(ArticleError, match="over the"):
        read_article(path)


@pytest.mark.parametrize("bad_id", ["../escape", "a/b", "..", ".hidden", "a b"])
def test_front_matter_id_cannot_escape_the_folder(tmp_path: Path, bad_id: str):
    path = tmp_path / "ok.md"
    path.write_text(f"---\nid: {bad_id!r}\ntitle: T\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(SlugError, match="unsafe name"):
        read_article(path)


def test_duplicate_slugs_are_an_error_naming_both_files(tmp_path: Path):
    (tmp_path / "story.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("---\ntitle: Other\n---\n\nText.\n", encoding="utf-8")
    report = ExtractReport()
    articles = read_articles(tmp_path, report)
    assert articles == []  # neither is written: which one is the story is for the user to say
    [error] = report.errors
    assert "story.md" in str(error) and "story.txt" in str(error) and "duplicate id" in str(error)


def test_bad_articles_do_not_stop_the_good_ones(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Headline\n\nThe text.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    report = ExtractReport()
    articles = read_articles(tmp_path, report)
    assert [a.id for a in articles] == ["good"]
    assert len(report.errors) == 1 and "bad.txt" in str(report.errors[0])


def test_a_sentence_hard_wrapped_across_blank_lines_is_one_paragraph(tmp_path: Path):
    path = tmp_path / "wrapped.md"
    sentence = "Davis said the munitions delivered in support of the campaign now total 6,602."
    body = sentence.replace(" in support", "\n\nin support").replace(" now", "\n\nnow")
    after = "elsewhere, a paragraph after a full stop stays one."
    path.write_text(f"---\ntitle: T\n---\n\n{body}\n\n{after}\n", encoding="utf-8")
    assert read_article(path).paragraphs == [sentence, after]
