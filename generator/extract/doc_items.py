"""What our spaCy components write on a Doc, and how the next ones read it back.

Each component stores its briefing items as plain dicts in a Doc extension
(`doc._.actors`, `doc._.numbers`, `doc._.locations`, `doc._.positions`) and, where the items
are names in the text, one span per mention in `doc.spans` with `Span._.kind` and
`Span._.actor` / `Span._.place`. Plain values, not dataclasses, because `nlp.pipe(...,
n_process=N)` sends every Doc back from its worker as bytes (msgpack), and they survive
that; lists come back as tuples, which `items` turns back into lists.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, TypeVar

from spacy.tokens import Doc, Span

from generator.briefing import Actor, Location, Number, Position

ITEM_TYPES: dict[str, type] = {
    "actors": Actor,
    "numbers": Number,
    "locations": Location,
    "positions": Position,
}
SPAN_EXTENSIONS = ("kind", "actor", "place")

T = TypeVar("T")


def register_extensions() -> None:
    """Declare the Doc and Span extensions once per process (idempotent)."""
    for name in ITEM_TYPES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def set_items(doc: Doc, name: str, items: list[Any]) -> None:
    """Store a component's items (briefing dataclasses) on `doc` as plain dicts."""
    setattr(doc._, name, [asdict(item) for item in items])


def items(doc: Doc, name: str, cls: type[T]) -> list[T]:
    """The items a component stored on `doc`, as `cls` instances; [] if it did not run."""
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    stored = getattr(doc._, name) or []
    return [cls(**{k: _listed(v) for k, v in item.items() if k in known}) for item in stored]


def actors(doc: Doc) -> list[Actor]:
    """The actors the `briefing_actors` component found in `doc`."""
    return items(doc, "actors", Actor)


def _listed(value: Any) -> Any:
    return [_listed(v) for v in value] if isinstance(value, (list, tuple)) else value


register_extensions()
