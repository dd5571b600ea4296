"""Python's cyclic garbage collector, kept off the build's long-lived objects.

Loading thousands of briefings and rendering their pages makes millions of objects that
all live until the build ends. The collector would rescan them again and again while they
are made (a third of the load time at 1,000 briefings) and on every full collection after,
to find nothing: neither the loader nor the renderer leaves reference cycles behind
(tests/test_collector.py). So collection pauses while they are made, and they are then
frozen (never rescanned) until the build ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_objects() -> Iterator[None]:
    """Pause the collector; on leaving, freeze every object made so far, then resume it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def release_long_lived() -> None:
    """The build is over: frozen objects are the collector's again (`mkdocs serve` rebuilds)."""
    gc.unfreeze()
