"""Wire copies and near-duplicates: the same story published by several outlets, counted once.

Each article's body is cut into overlapping word 5-grams (shingles); datasketch's MinHash LSH
finds the pairs of articles whose shingle sets likely overlap by at least THRESHOLD (Jaccard),
and the exact overlap of each such pair decides. Articles joined by such pairs form a group;
its earliest article (by date, then id) is the original, the others are its copies. The
copy's briefing records `duplicate_of: <original id>` and the original's lists `copies`;
the site then counts a copy's facts once, under the original (render/site_index.py).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.articles import Article
from generator.briefing import Briefing
from generator.briefing.store import load_briefing, write_briefing
from generator.errors import BriefingError

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch (and the SciPy it imports, over a second) is imported only when articles are
# compared: a site build that extracts nothing never pays for it.

THRESHOLD = 0.6  # agency copies with a new headline, a trimmed end or a local intro stay above it
SHINGLE_WORDS = 5
MIN_SHINGLES = 20  # shorter texts say too little to call two articles the same story
PERMUTATIONS = 128
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Text:
    id: str
    date: str | None
    body: str


def shingles(body: str) -> set[str]:
    """The word 5-grams of `body`, case and accents folded, punctuation ignored."""
    folded = unicodedata.normalize("NFKD", body).encode("ascii", "ignore").decode("ascii").casefold()
    words = _WORD.findall(folded)
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple:
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32").permutations


def _signature(grams: set[str]) -> MinHash:
    from datasketch import MinHash

    # CRC-32 instead of datasketch's default SHA-1: a 32-bit hash is all MinHash uses of it,
    # and it is several times faster; the permutations are made once, not per article.
    signature = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=zlib.crc32,
                        permutations=_permutations(), scheme="affine32")
    signature.update_batch([gram.encode("utf-8") for gram in grams])
    return signature


def find_copies(texts: Iterable[Text]) -> dict[str, str]:
    """copy id -> original id, for every article that near-duplicates an earlier one."""
    from datasketch import MinHashLSH

    items = sorted(texts, key=_age)
    rank = {text.id: n for n, text in enumerate(items)}
    grams = {text.id: shingles(text.body) for text in items}
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    group = {text.id: text.id for text in items}  # union-find: id -> a member closer to the root

    def root(article_id: str) -> str:
        while group[article_id] != article_id:
            group[article_id] = group[group[article_id]]
            article_id = group[article_id]
        return article_id

    for text in items:  # oldest first
        mine = grams[text.id]
        if len(mine) < MIN_SHINGLES:
            continue
        signature = _signature(mine)
        for other in lsh.query(signature):
            theirs = grams[other]
            if len(mine & theirs) / len(mine | theirs) >= THRESHOLD:
                a, b = sorted((root(other), root(text.id)), key=rank.__getitem__)
                if a != b:
                    group[b] = a  # the older root stays the root
        lsh.insert(text.id, signature)
    return {article_id: root(article_id) for article_id in group if root(article_id) != article_id}


def _age(text: Text) -> tuple[str, str]:
    """Undated articles count as the newest: a dated one is the better original."""
    return (text.date or "9999-99-99", text.id)


def copies_by_original(copies: dict[str, str]) -> dict[str, list[str]]:
    """original id -> its copies' ids, sorted."""
    found: dict[str, list[str]] = {}
    for copy, original in sorted(copies.items()):
        found.setdefault(original, []).append(copy)
    return found


def mark(briefing: Briefing, copies: dict[str, str], originals: dict[str, list[str]]) -> bool:
    """Set `duplicate_of` and `copies` of `briefing` from the groups; True if they changed."""
    wanted = (copies.get(briefing.id), originals.get(briefing.id) or None)
    if (briefing.duplicate_of, briefing.copies) == wanted:
        return False
    briefing.duplicate_of, briefing.copies = wanted
    return True


def referenced(briefing: Briefing | None) -> set[str]:
    """The ids a briefing names as its original or copies (to re-check when it changes)."""
    if briefing is None:
        return set()
    return {briefing.duplicate_of, *(briefing.copies or [])} - {None}  # type: ignore[return-value]


def mark_written(out_dir: Path, ids: Iterable[str], copies: dict[str, str]) -> list[str]:
    """Bring the `duplicate_of`/`copies` of the briefings `ids` in `out_dir` up to date (their
    articles were not re-extracted, but a copy or an original of theirs changed). Reviewed
    briefings keep what the analyst wrote. Returns the ids rewritten."""
    originals = copies_by_original(copies)
    rewritten = []
    for article_id in sorted(ids):
        path = out_dir / f"{article_id}.yaml"
        try:
            briefing = load_briefing(path) if path.exists() else None
        except BriefingError:
            continue  # reported when the site loads it
        if briefing is None or briefing.reviewed or not mark(briefing, copies, originals):
            continue
        write_briefing(path, briefing)
        rewritten.append(article_id)
    return rewritten


def article_texts(articles: Iterable[Article]) -> list[Text]:
    return [Text(article.id, article.date, article.text) for article in articles]
