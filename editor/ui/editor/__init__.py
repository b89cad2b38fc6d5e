"""The Markdown editor widget: per-line direction, highlighting, bidi marks, the find bar."""
