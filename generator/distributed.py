"""Extraction on a Dask cluster: batches of articles go to the workers, briefings come back.

Only the parse moves: `extract_folder` still reads the articles, decides what is stale (content
hash, extractor fingerprint, reviewed and hand-edited briefings), keeps the reviewed items and
writes every briefing, exactly as in one process — `ClusterExtractor` is just another
`BriefingExtractor`. Each worker loads the spaCy model once (`ExtractorPlugin`, at worker
start) and runs `Extractor.extract_many` on the batches it is given, so a cluster run writes
the same bytes as `briefings extract`. Each batch's briefings are written as soon as it is
back (in article order), so a run killed midway keeps every batch written so far.

Needs the `distributed` extra (`pip install 'briefing-site-generator[distributed]'`) on the
client and the workers, and the same generator and model on every worker (checked: workers
reporting another extractor fingerprint stop the run before anything is written).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from generator.articles import Article
from generator.briefing import Briefing

if TYPE_CHECKING:
    from distributed import Worker

    from generator.extract.pipeline import Extractor

PLUGIN_NAME = "briefing-extractor"
# Articles per task: big enough that the scheduler's overhead (~1 ms a task) is nothing next
# to the parse (~0.1-1 s an article), small enough to spread a few dozen articles over workers.
BATCH_SIZE = 4
WAIT_FOR_WORKERS = 120  # seconds


class ClusterError(RuntimeError):
    """The cluster cannot be reached, or its workers do not run this extractor."""


class ExtractorPlugin(WorkerPlugin):
    """Loads the extractor and its spaCy model once per worker, when the worker starts (or
    joins later); a lock runs one batch at a time through it on a many-threaded worker."""

    name = PLUGIN_NAME

    def __init__(self, model: str) -> None:
        self.model = model  # all that is sent to the workers; the rest is made there
        self.extractor: Extractor | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker: Worker) -> None:
        from generator.extract.nlp import load_nlp
        from generator.extract.pipeline import Extractor

        load_nlp(self.model)
        self.extractor = Extractor(self.model)
        self.lock = threading.Lock()


def extract_batch(articles: list[Article]) -> tuple[str, list[Briefing]]:
    """On a worker: the briefings of `articles`, in order, and the fingerprint that made them."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, ExtractorPlugin) or plugin.extractor is None or plugin.lock is None:
        raise ClusterError(f"this worker has no {PLUGIN_NAME} plugin (ClusterExtractor registers it)")
    with plugin.lock:
        return plugin.extractor.version, list(plugin.extractor.extract_many(articles))


def worker_version(model: str) -> str:
    """On a worker: the fingerprint its briefings would carry (loads no model)."""
    from generator.extract.pipeline import Extractor

    return Extractor(model).version


class ClusterExtractor:
    """A `BriefingExtractor` whose `extract_many` runs on the workers of `client`."""

    def __init__(self, client: Client, model: str, batch_size: int = BATCH_SIZE) -> None:
        self.client = client
        self.model = model
        self.batch_size = max(1, batch_size)
        self._version: str | None = None
        self._plugin_registered = False

    @property
    def version(self) -> str:
        """The workers' extractor fingerprint; they must all agree."""
        if self._version is None:
            try:
                self.client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
            except TimeoutError:
                raise ClusterError(f"no Dask worker joined the scheduler in {WAIT_FOR_WORKERS} s") from None
            versions = self.client.run(worker_version, self.model)
            if len(set(versions.values())) != 1:
                raise ClusterError("the workers run different extractors (generator, rules or model): "
                                   + "; ".join(f"{w}: {v}" for w, v in sorted(versions.items())))
            self._version = next(iter(versions.values()))
        return self._version

    def extract_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Briefing]:
        """The articles' briefings in order; a few batches per worker are in flight at a time."""
        version = self.version
        if not self._plugin_registered:  # only now: a run with nothing to do loads no model
            self.client.register_plugin(ExtractorPlugin(self.model))
            self._plugin_registered = True
        articles = list(articles)
        batches = (articles[i : i + self.batch_size] for i in range(0, len(articles), self.batch_size))
        ahead = 2 * max(1, len(self.client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        try:
            for batch in batches:
                pending.append(self.client.submit(extract_batch, batch, pure=False))
                if len(pending) >= ahead:
                    yield from self._result(pending.popleft(), version)
            while pending:
                yield from self._result(pending.popleft(), version)
        finally:  # a failed batch or an abandoned run: the rest is not wanted any more
            if pending:
                self.client.cancel(list(pending))

    @staticmethod
    def _result(future: Any, version: str) -> list[Briefing]:
        made_by, briefings = future.result()
        if made_by != version:  # a worker that joined with another environment
            raise ClusterError(f"a worker extracted with {made_by!r}, not {version!r}")
        return briefings


def local_cluster(workers: int) -> LocalCluster:
    """`workers` worker processes of one thread on this machine, without the workers' sampling
    profiler (a stack walk every 10 ms: a few % of each core, for a dashboard nobody opens)."""
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None)


@contextmanager
def cluster_extractor(scheduler: str, model: str, batch_size: int = BATCH_SIZE
                      ) -> Iterator[ClusterExtractor]:
    """A `ClusterExtractor` on the scheduler at `scheduler` (`tcp://host:8786`), or on `local:N`
    worker processes started here (one thread each) for the run."""
    if scheduler.startswith("local:"):
        try:
            workers = int(scheduler.removeprefix("local:"))
            if workers < 1:
                raise ValueError
        except ValueError:
            raise ClusterError(f"--scheduler {scheduler!r}: write local:N, e.g. local:2") from None
        with local_cluster(workers) as cluster, Client(cluster) as client:
            yield ClusterExtractor(client, model, batch_size)
        return
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    with client:
        yield ClusterExtractor(client, model, batch_size)
