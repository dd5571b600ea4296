"""The text layer shared by the components: the word-list format and its loader, name keys."""
