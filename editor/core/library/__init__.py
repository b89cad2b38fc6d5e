"""The library: a folder of articles, its index (SQLite FTS5), search, tags and tag operations with undo."""
