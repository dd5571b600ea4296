"""Extraction on a Dask cluster of two worker processes writes what `extract` writes, byte for
byte, with the same incremental rules, the model loaded once per worker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import SAMPLE_ARTICLE

pytest.importorskip(
    "distributed",
    reason="the `distributed` extra is not installed (pip install -e '.[distributed]'; "
    "`make install` installs it from requirements.lock)",
)
from distributed import Client, LocalCluster

from generator.distributed import PLUGIN_NAME, ClusterExtractor, local_cluster
from generator.extract.model_name import DEFAULT_MODEL
from generator.extract_folder import extract_folder

# Short articles of the kinds the extractor handles (people, organisations, places, numbers,
# quotes), so that every batch has facts in it.
ARTICLES = {
    "harbour.txt": "Harbour reopens\n\nMayor Alice Doe said the harbour in Leeds will reopen on "
    "Monday after repairs costing £2.5 million.\n",
    "strike.txt": "Rail strike called off\n\nThe RMT union called off a 48-hour strike on Tuesday, "
    "its general secretary Mick Lynch said in London.\n\n\"We have a deal,\" Lynch told reporters.\n",
    "quake.md": "---\ntitle: Earthquake shakes Chile\ndate: 2024-03-02\n---\n\nA magnitude 6.1 "
    "earthquake struck northern Chile on Saturday, the US Geological Survey said. About 3,000 "
    "people were evacuated from Antofagasta.\n",
    "budget.txt": "Council passes budget\n\nThe Bristol City Council approved a budget of "
    "£1.2 billion on Wednesday. Councillor Jane Smith said taxes would rise by 4.99 percent.\n",
    "summit.txt": "Leaders meet in Paris\n\nFrench President Emmanuel Macron met German "
    "Chancellor Olaf Scholz in Paris on Friday to discuss energy prices.\n",
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """Two worker processes of one thread each, as `--scheduler local:2` starts."""
    with local_cluster(2) as local:
        yield local


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SAMPLE_ARTICLE, folder / SAMPLE_ARTICLE.name)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}


def test_a_cluster_run_writes_the_bytes_of_extract(cluster: LocalCluster, articles: Path,
                                                   tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here: the built-in settings
    alone, on_cluster = tmp_path / "alone", tmp_path / "cluster"
    assert main(["extract", str(articles), "--out", str(alone), "--strict"]) == 0
    assert main(["extract", str(articles), "--out", str(on_cluster), "--strict",
                 "--scheduler", cluster.scheduler_address]) == 0

    expected = _files(alone)
    assert len(expected) == len(ARTICLES) + 1
    assert _files(on_cluster) == expected


def test_the_model_is_loaded_once_per_worker_and_unchanged_articles_are_reused(
        cluster: LocalCluster, articles: Path, tmp_path: Path):
    out = tmp_path / "briefings"
    with Client(cluster) as client:
        extractor = ClusterExtractor(client, DEFAULT_MODEL, batch_size=1)
        first = extract_folder(articles, out, extractor=extractor)
        assert sorted(first.extracted) == sorted(path.stem for path in articles.iterdir())
        before = _files(out)

        (articles / "harbour.txt").write_text(ARTICLES["harbour.txt"].replace("Monday", "Friday"),
                                              encoding="utf-8")
        second = extract_folder(articles, out, extractor=extractor)
        assert second.extracted == ["harbour"]
        assert len(second.reused) == len(ARTICLES)
        after = _files(out)
        assert {name for name in before if before[name] != after[name]} == {"harbour.yaml"}
        assert "Friday" in after["harbour.yaml"].decode()

        # Six batches of one article went to two workers; each loaded the pipeline once.
        loads = client.run(_pipeline_loads)
        assert list(loads.values()) == [1, 1]


def test_workers_that_run_another_extractor_stop_the_run_before_anything_is_written(
        cluster: LocalCluster, articles: Path, tmp_path: Path):
    out = tmp_path / "briefings"
    with Client(cluster) as client:
        one_worker = sorted(client.scheduler_info()["workers"])[:1]
        client.run(_pretend_another_model_version, workers=one_worker)
        try:
            extractor = ClusterExtractor(client, DEFAULT_MODEL)
            with pytest.raises(RuntimeError, match="the workers run different extractors"):
                extract_folder(articles, out, extractor=extractor)
        finally:
            client.run(_forget_pretended_version, workers=one_worker)
    assert not list(out.glob("*.yaml"))


def _pipeline_loads(dask_worker) -> int:
    """On a worker (`client.run` passes it): how many times it loaded a spaCy pipeline."""
    from generator.extract.nlp import load_nlp

    assert dask_worker.plugins[PLUGIN_NAME].extractor is not None
    return load_nlp.cache_info().misses


def _pretend_another_model_version() -> None:
    """On a worker: as if another version of the model package were installed there."""
    from generator.extract import fingerprint

    fingerprint.real_model_version = fingerprint.model_version  # type: ignore[attr-defined]
    fingerprint.model_version = lambda model: "0.0-other"  # type: ignore[assignment]


def _forget_pretended_version() -> None:
    from generator.extract import fingerprint

    fingerprint.model_version = fingerprint.real_model_version  # type: ignore[attr-defined]


def test_a_bad_scheduler_value_is_an_error_that_says_how_to_write_it(articles: Path, tmp_path: Path,
                                                                     monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(articles), "--scheduler", "local:two"]) == 1
    assert "write local:N, e.g. local:2" in capsys.readouterr().err
    assert not list((tmp_path / "briefings").glob("*.yaml"))
