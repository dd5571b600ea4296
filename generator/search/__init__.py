"""Site search: Pagefind's chunked index, built over the finished site, behind the header box.

`pagefind.py` runs the Pagefind binary (shipped by the `pagefind` PyPI package) over
the built pages; `theme/partials/search.html` is Material's search box with Material's own
search switched off, so `assets/search.js` can answer it from the Pagefind index.
"""

from generator.search.pagefind import (
    BUNDLE_PAGES,
    SEARCH_ENGINES,
    THEME_DIR,
    UNDATED,
    Bundle,
    BundledIndexRun,
    IndexRun,
    PagefindError,
    index_folders,
    index_glob,
    mark_for_index,
    plan_bundles,
)

__all__ = [
    "BUNDLE_PAGES",
    "SEARCH_ENGINES",
    "THEME_DIR",
    "UNDATED",
    "Bundle",
    "BundledIndexRun",
    "IndexRun",
    "PagefindError",
    "index_folders",
    "index_glob",
    "mark_for_index",
    "plan_bundles",
]
