"""The thin MkDocs adapter: `plugins: [search, briefings]`."""
