"""sitemap.xml with every page of the site, the stamped ones included.

MkDocs writes the sitemap from the pages it built itself: stamped briefing, actor and place
pages (stamp.py) are not among them, and the shells they were stamped from are, though
they are deleted after stamping. This puts the first in, with the briefing's date as
`lastmod`, and takes the second out. Over 50,000 URLs (the protocol's limit per file) the
sitemap becomes an index of numbered sitemaps.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree as ET

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000


def page_url(site_url: str | None, uri: str) -> str:
    """The sitemap address of the page at `uri`: absolute under `site_url`, else from the root
    (as MkDocs writes it without a site_url; search engines need `site_url` set)."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + uri


def rewrite_sitemap(site_dir: Path, site_url: str | None, drop: set[str],
                    add: list[tuple[str, str | None]]) -> int:
    """Rewrite `site_dir`'s sitemap without the pages at `drop` and with the `add`ed
    (uri, lastmod) pages; return the number of URLs it lists."""
    path = site_dir / "sitemap.xml"
    urls: list[tuple[str, str | None]] = []
    dropped = {page_url(site_url, uri) for uri in drop}
    if path.is_file():
        for url in ET.parse(path).getroot().iter(f"{{{NS}}}url"):
            loc = (url.findtext(f"{{{NS}}}loc") or "").strip()
            if loc and loc not in dropped:
                urls.append((loc, (url.findtext(f"{{{NS}}}lastmod") or "").strip() or None))
    urls += [(page_url(site_url, uri), lastmod) for uri, lastmod in add]
    chunks = [urls[start:start + MAX_URLS] for start in range(0, len(urls), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        _write(path, _urlset(chunks[0]))
    else:
        names = [f"sitemap-{number}.xml" for number in range(1, len(chunks) + 1)]
        for name, chunk in zip(names, chunks, strict=True):
            _write(site_dir / name, _urlset(chunk))
        _write(path, _index([page_url(site_url, name) for name in names]))
    return len(urls)


def _urlset(urls: list[tuple[str, str | None]]) -> ET.Element:
    root = ET.Element("urlset", xmlns=NS)
    for loc, lastmod in urls:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = loc
        if lastmod:
            ET.SubElement(url, "lastmod").text = lastmod
    return root


def _index(locs: list[str]) -> ET.Element:
    root = ET.Element("sitemapindex", xmlns=NS)
    for loc in locs:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = loc
    return root


def _write(path: Path, root: ET.Element) -> None:
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    path.write_bytes(data)
    # mtime 0: the same site gives the same bytes (CI diffs show only real changes).
    with path.with_name(path.name + ".gz").open("wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(data)
