"""Site search: Pagefind's chunked index, built over the finished site, behind the header box.

`pagefind.py` runs the Pagefind binary (shipped by the `pagefind` PyPI package) over
the built pages; `theme/partials/search.html` is Material's search box with Material's own
search switched off, so `assets/search.js` can answer it from the Pagefind index.
"""

from generator.search.pagefind import (
    SEARCH_ENGINES,
    THEME_DIR,
    IndexRun,
    PagefindError,
    index_folders,
    index_glob,
    mark_for_index,
)

__all__ = [
    "SEARCH_ENGINES",
    "THEME_DIR",
    "IndexRun",
    "PagefindError",
    "index_folders",
    "index_glob",
    "mark_for_index",
]
