"""Raw HTML written in a Markdown body: its visible text, and `dir` added to its block elements.

Both read the HTML with the standard library's tokenizer (`html.parser`), so a `>` inside a quoted
attribute (`<div title="a > b">`) is part of the attribute, as in a browser, and comments, `<script>`
content and declarations are never taken for tags. One pass, linear in the length of the HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

__all__ = ["add_block_dirs", "html_text"]


class _Reader(HTMLParser):
    """Collects the visible text and the offsets of the start tags of one piece of HTML."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[int, str, dict[str, str | None], str]] = []  # offset, tag, attrs, raw
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        self.tags.append((self._offset(), tag, dict(attrs), raw))
        self.text.append(" ")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(source: str) -> _Reader:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return reader


def html_text(source: str) -> str:
    """The text a reader sees in `source` (tags replaced by spaces, entities decoded)."""
    return "".join(_read(source).text)


def add_block_dirs(source: str, wants_dir: Callable[[str], str | None]) -> str:
    """`source` with ` dir="…"` added to start tags without a `dir`.

    `wants_dir(tag)` gives the value for a tag name (lower case), or None to leave the tag alone.
    Only the start tags themselves change; everything else is kept byte for byte.
    """
    pieces: list[str] = []
    last = 0
    for offset, tag, attrs, raw in _read(source).tags:
        value = wants_dir(tag)
        if value is None or "dir" in attrs or source[offset : offset + len(raw)] != raw:
            continue
        end = offset + len(raw)
        cut = end - 2 if raw.endswith("/>") else end - 1
        pieces.append(source[last:cut])
        pieces.append(f' dir="{value}"')
        pieces.append(source[cut:end])
        last = end
    pieces.append(source[last:])
    return "".join(pieces)
