"""Downloads and view data one file per month (issue #20): data/<month>/*.gz listed in
data/index.json, and the views' rows in data/views/<view>/<month>.json.gz, loaded newest
month first as the reader asks for more."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.briefing import Briefing, Number, Position
from generator.briefing.store import dump_briefing, load_briefings
from generator.render.data_export import gzipped, write_exports
from generator.render.site_index import build_site_index
from tests.sitebuild import browse, build_site, downloads, make_project, view_rows

MONTHS = {"2020-03": "March", "2020-02": "February", "2020-01": "January"}
PER_MONTH = 310  # more statements in the newest month than the view shows at first (300)


def _briefing(month: str, name: str) -> Briefing:
    positions = [Position(speaker=f"Speaker {name}", kind="indirect", cue="said",
                          text=f"{name} statement number {i} about bridges", sentence=f"{name} said {i}.")
                 for i in range(PER_MONTH if month == "2020-03" else 5)]
    # The largest value is in the oldest month: sorting by value must load every month.
    value = {"2020-03": 10, "2020-02": 20, "2020-01": 999_999}[month]
    numbers = [Number(value=value, text=f"{value:,}", subject=f"{name} soldiers",
                      sentence=f"{value} soldiers.")]
    return Briefing(id=f"b-{month}", title=f"{name} briefing", source_file=f"{month}.md",
                    content_hash="sha256:" + "0" * 64, date=f"{month}-15", paragraphs=["Text."],
                    positions=positions, numbers=numbers)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("shards"), sample=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("      content: content\n", "      content: content\n      extract: false\n", 1)
    config.write_text(text, encoding="utf-8")
    (project / "content" / "articles").rmdir()  # briefings only, as a large site is built
    folder = project / "content" / "briefings"
    folder.mkdir(parents=True)
    for month, name in MONTHS.items():
        (folder / f"b-{month}.yaml").write_text(dump_briefing(_briefing(month, name)), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build_site(project)


def test_three_months_make_three_shards_and_a_manifest(site: Path):
    manifest = json.loads((site / "data" / "index.json").read_text(encoding="utf-8"))
    assert [m["month"] for m in manifest["months"]] == list(MONTHS)  # newest first
    for entry in manifest["months"]:
        assert entry["briefings"] == 1
        for name, size in entry["files"].items():
            assert (site / "data" / entry["month"] / name).stat().st_size == size
    assert [b["id"] for b in downloads(site, "briefings.json")] == [f"b-{m}" for m in MONTHS]
    positions = downloads(site, "positions.csv")
    assert len(positions) == PER_MONTH + 10 and {r["date"][:7] for r in positions} == set(MONTHS)
    assert [r["value"] for r in downloads(site, "numbers.csv")] == ["10", "20", "999999"]
    assert not list((site / "data").glob("*.csv")) and not (site / "data" / "briefings.json").exists()
    views = json.loads((site / "data" / "views" / "positions" / "index.json").read_text(encoding="utf-8"))
    assert [(m["month"], m["rows"]) for m in views["months"]] == [
        ("2020-03", PER_MONTH), ("2020-02", 5), ("2020-01", 5)]
    assert len(view_rows(site, "positions")) == PER_MONTH + 10
    numbers = json.loads((site / "data" / "views" / "numbers" / "index.json").read_text(encoding="utf-8"))
    assert numbers["choices"]["kind"] == {"count": 3}  # the filter's choices count every month
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert page.index("Mar 2020") < page.index("Feb 2020") < page.index("Jan 2020")
    assert '2020-01/positions.csv.gz" download>' in page


def test_the_gzip_files_are_deterministic(project: Path, site: Path, tmp_path: Path):
    assert gzipped(["same text"]) == gzipped(["same ", "text"])
    for path in (site / "data").rglob("*.gz"):
        head = path.read_bytes()[:10]
        # gzip, no file name (FNAME flag), no time stamp
        assert head[:2] == b"\x1f\x8b" and head[3] & 0x08 == 0 and head[4:8] == b"\0\0\0\0", path
    briefings, _ = load_briefings(project / "content" / "briefings")
    for out in (tmp_path / "one", tmp_path / "two"):
        write_exports(out, build_site_index(briefings), None, "Briefings")
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.gz"))
    assert files
    assert all((tmp_path / "one" / f).read_bytes() == (tmp_path / "two" / f).read_bytes() for f in files)


def test_the_views_load_the_newest_month_first_and_older_ones_on_demand(site: Path):
    from playwright.sync_api import expect

    with browse(site) as (page, url):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"{url}positions/")
        status = page.locator("#bf-positions-status")
        expect(status).to_contain_text(
            "310 statements so far in Mar 2020; older months load as you ask for more")
        rows = page.locator("#bf-positions-table tbody tr")
        expect(rows).to_have_count(300)
        assert {d[:7] for d in rows.locator("td:nth-child(4)").all_inner_texts()} == {"2020-03"}
        assert not [u for u in requested if "2020-02" in u or "2020-01" in u]
        page.click("#bf-positions-more")  # 300 more: the older months come in
        expect(status).to_have_text("320 statements")
        assert "February statement number 0 about bridges" in page.inner_text("#bf-positions-table")
        # A filter that the newest month does not match loads the older ones for it.
        page.goto(f"{url}positions/?speaker=janu%C3%A1ry")  # accents fold: "janu\u00e1ry" finds January
        expect(status).to_have_text("5 statements")
        expect(rows).to_have_count(5)
        href = page.get_attribute("#bf-positions-download", "href")
        text = page.evaluate("href => fetch(href).then(r => r.text())", href)
        assert text.count("January statement") == 5 and "#s-" in text

        page.goto(f"{url}positions/")
        expect(status).to_contain_text("so far in Mar 2020")
        page.click("#bf-positions-all")
        expect(status).to_have_text("320 statements (showing the newest 300)")

        page.goto(f"{url}numbers/")
        expect(page.locator("#bf-numbers-status")).to_have_text("3 numbers")  # 3 rows < 300: all months
        page.click("#bf-numbers-table th[data-key=value]")
        expect(page.locator("#bf-numbers-table tbody tr").first).to_contain_text("999,999")

        page.goto(f"{url}said/?about=bridges&speaker=january")
        expect(page.locator("#bf-said-status")).to_have_text("5 statements by 1 speaker")

        # The Downloads page shows each month's file sizes; a file the server already
        # decompressed (Content-Encoding: gzip) reads as well as the gzip bytes.
        page.goto(f"{url}data/")
        expect(page.locator("#bf-downloads tr[data-month='2020-01'] [data-file='positions.csv.gz']")
               ).to_have_text("(1 KB)")
        plain = page.evaluate("window.bfShards.fetchRows('views/positions/index.json')")
        packed = page.evaluate("window.bfShards.fetchRows('views/positions/2020-01.json.gz')")
        assert plain["months"][0]["month"] == "2020-03" and len(packed) == 5
