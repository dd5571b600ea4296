"""Turn `.md` (YAML front matter) and `.txt` (headline first) files into Articles.

Every problem is raised as an ArticleError or SlugError naming the file, so a
caller can report it and go on with the other articles.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml

from generator.articles.article import Article
from generator.errors import ArticleError, SlugError
from generator.plain_text import CONTROL_CHARACTERS, one_line

ARTICLE_SUFFIXES = (".md", ".txt")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# Below spaCy's `nlp.max_length` (1,000,000), which would stop the whole run; the longest
# news features are under a tenth of this.
MAX_ARTICLE_CHARS = 500_000
SAFE_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
# `briefings/index.md` is the list of all briefings: an article with that slug would replace it.
RESERVED_SLUGS = frozenset({"index"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.txt")


def discover_articles(folder: Path) -> list[Path]:
    """Return the article files of `folder` (not recursive), sorted by name."""
    # A link that leads nowhere (a loop, a deleted target) is listed too: reading it names the
    # problem instead of the article silently not being there.
    return sorted(
        p for p in Path(folder).iterdir()
        if (p.is_file() or p.is_symlink()) and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def check_slug(slug: str, path: Path) -> str:
    """Return `slug` if it is safe as a file and URL name, else raise SlugError."""
    if not SAFE_SLUG.match(slug) or ".." in slug:
        raise SlugError(
            path,
            f"unsafe name {slug!r}: use letters, digits, '.', '_' or '-' "
            "(no path separators, no '..')",
        )
    if slug.casefold() in RESERVED_SLUGS:
        raise SlugError(
            path,
            f"reserved name {slug!r}: the site already has a briefings/{slug}/ page; "
            "rename the file or give it another `id`",
        )
    return slug


def read_article(path: Path) -> Article:
    """Read one article file; raise ArticleError naming the file on bad input."""
    path = Path(path)
    raw = _read_bytes(path)
    text = _decode(raw, path)
    text = CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleError(path, "empty article: no headline and no text")
    slug = check_slug(path.stem, path)
    if path.suffix.lower() == ".md":
        meta, body = _split_front_matter(text, path)
    else:
        meta, body = {}, text
    paragraphs = _paragraphs(body)
    title = _text_field(meta, "title", path)
    if title is None:
        if path.suffix.lower() == ".md" and meta:
            raise ArticleError(path, "front matter has no 'title': add `title: ...`")
        if not paragraphs:
            raise ArticleError(path, "empty article: no headline and no text")
        title = paragraphs.pop(0).lstrip("#").strip()
    if not title:
        raise ArticleError(path, "empty headline: the first line has no text")
    paragraphs = _drop_dateline_dots(paragraphs)
    paragraphs = _drop_boilerplate(paragraphs)
    if not paragraphs:
        raise ArticleError(path, "article has a headline but no text")
    article_id = _text_field(meta, "id", path) or slug
    check_slug(article_id, path)
    return Article(
        path=path,
        slug=article_id,
        id=article_id,
        title=title,
        paragraphs=paragraphs,
        date=_date_field(meta, path),
        source=_text_field(meta, "source", path),
        url=_text_field(meta, "url", path),
        tags=_tags_field(meta, path),
        raw=raw,
    )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, if it is a file of this folder of a size an article can have."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
            problem = "cannot read: symbolic link to nothing (a loop or a missing file)"
            raise ArticleError(path, problem) from None
        if target.parent != path.parent.resolve() or not target.is_file():
            # A committed link to /proc/self/environ or ~/.ssh would otherwise be published.
            raise ArticleError(path, "symbolic link to a file outside the articles folder; copy the file in")
    try:
        raw = path.read_bytes()
    except OSError as err:  # a vanished file, no permission: named, not skipped silently
        raise ArticleError(path, f"cannot read: {err.strerror or err}") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            path, f"file is {len(raw):,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit"
        )
    return raw


def _decode(raw: bytes, path: Path) -> str:
    """The article's text from UTF-8 `raw`, at most MAX_ARTICLE_CHARS long."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(path, "encoded as UTF-16: re-save the file as UTF-8")
    if b"\x00" in raw:
        raise ArticleError(path, "binary file (contains NUL bytes), not a text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(
            path, f"not valid UTF-8 (byte {err.start}): re-save the file as UTF-8"
        ) from None
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            path, f"article is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,}-character "
            "limit: split it into several articles"
        )
    return text


def _split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArticleError(path, "front matter starts with '---' but has no closing '---' line")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else None
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise ArticleError(path, f"broken front matter: {problem}", line=line) from None
    except (ValueError, RecursionError) as err:
        # PyYAML raises plain ValueError for impossible dates (`date: 2024-02-30`) and
        # RecursionError for absurdly deep nesting; both are still just bad front matter.
        problem = "nested too deeply" if isinstance(err, RecursionError) else str(err)
        raise ArticleError(path, f"broken front matter: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(path, "front matter must be a mapping of `key: value` lines", line=2)
    return meta, text[match.end() :]


def _text_field(meta: dict, key: str, path: Path) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise ArticleError(path, f"front matter '{key}' must be text, not a {type(value).__name__}")
    # Metadata is one line: a line break in a title or source would start a new line in every
    # page, list and feed that shows it. U+2028 and the other Unicode line breaks count too.
    return one_line(str(value)) or None


def _date_field(meta: dict, path: Path) -> str | None:
    value = meta.get("date")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = _text_field(meta, "date", path)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ArticleError(
            path, f"front matter 'date' {text!r} is not a YYYY-MM-DD date of a real day (e.g. 2024-05-31)"
        ) from None


def _tags_field(meta: dict, path: Path) -> list[str]:
    value = meta.get("tags")
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(t, (dict, list)) for t in value):
        raise ArticleError(path, "front matter 'tags' must be a list of words")
    return [one_line(str(t)) for t in value if one_line(str(t))]


def _paragraphs(body: str) -> list[str]:
    blocks = re.split(r"\n[ \t]*\n", body)
    paragraphs: list[str] = []
    for block in blocks:
        text = " ".join(line.strip() for line in block.strip().splitlines())
        if not text:
            continue
        if paragraphs and _WRAPPED.match(text) and not _ENDS_SENTENCE.search(paragraphs[-1]):
            # A hard-wrapped copy (PDF, e-mail) breaks sentences across "paragraphs": a block
            # that goes on in lower case after one that stopped mid-sentence is the same one.
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    return paragraphs


_WRAPPED = re.compile(r"^[a-z]")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def _drop_dateline_dots(paragraphs: list[str]) -> list[str]:
    return [p for p in paragraphs if p.strip() != "."]


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[re.Pattern[str]]:
    lines = _BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines()
    return [
        re.compile(rf"^(?:{line.strip()})$", re.I)
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


def _drop_boilerplate(paragraphs: list[str]) -> list[str]:
    patterns = _boilerplate_patterns()
    end = len(paragraphs)
    while end and any(p.match(paragraphs[end - 1].strip()) for p in patterns):
        end -= 1
    return paragraphs[:end]
