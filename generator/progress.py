"""A progress bar for long extraction runs (rich) on a terminal; elsewhere, DEBUG log lines."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """Yield `advance(done, total)`: a bar on a terminal (not with `-q`), else `label: done of
    total` at DEBUG (`-v`), so a CI log shows the run moving on."""
    if not (sys.stderr.isatty() and log.isEnabledFor(logging.INFO)):
        yield lambda done, total: log.debug("%s: %d of %d", label, done, total)
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield advance
