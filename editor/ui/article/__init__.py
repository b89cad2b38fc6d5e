"""The open article: document state, file commands, external changes, the metadata form and tag chips."""
