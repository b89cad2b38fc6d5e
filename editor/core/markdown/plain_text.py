"""Rendered HTML fragment → plain text (the `text` export): Markdown gone, the words kept.

Blocks are separated by a blank line; list items get `- ` or `1. `; table cells are joined with
` | `; hashtags keep their `#`; links keep their text; local images become `[alt]`; footnote
markers become `[1]` and the notes follow under a `---` line. No bidi marks are added.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre table div dl dt dd figure figcaption hr ul ol details summary".split()
)
_BACKREF_RE = re.compile(r'<a [^>]*class="footnote-backref"[^>]*>.*?</a>', re.DOTALL)
_SKIP = frozenset({"script", "style", "head", "title"})
MAX_TEXT_INDENT = 20  # list levels indented in text; deeper items stay at this indent (docs/limits.md)


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list[int | None]] = []  # per open list: [counter or None]
        self.skip = 0
        self.pre = 0
        self.cell_index = 0
        self.fresh_item = False  # just wrote a list marker: the item's first block must not break

    def _break(self, blank: bool = True) -> None:
        if self.fresh_item:
            return
        # Only the tail after the last piece with a visible character can change: joining just
        # that keeps this linear (joining everything at every block was quadratic).
        start = len(self.out) - 1
        while start > 0 and not self.out[start].strip(" \t\n"):
            start -= 1
        text = "".join(self.out[max(start, 0) :])
        stripped = text.rstrip(" \t")
        if not stripped:
            self.out = []
            return
        want = "\n\n" if blank else "\n"
        trailing = len(stripped) - len(stripped.rstrip("\n"))
        self.out[max(start, 0) :] = [stripped + "\n" * max(0, len(want) - trailing)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("ul", "ol"):
            self._break(blank=not self.lists)
            self.lists.append([1 if tag == "ol" else None])
        elif tag == "li":
            self._break(blank=False)
            depth = min(max(len(self.lists) - 1, 0), MAX_TEXT_INDENT)
            counter = self.lists[-1][0] if self.lists else None
            if self.lists and counter is not None:
                self.lists[-1][0] = counter + 1
            self.out.append("  " * depth + (f"{counter}. " if counter is not None else "- "))
            self.fresh_item = True
        elif tag == "tr":
            self._break(blank=False)
            self.cell_index = 0
        elif tag in ("td", "th"):
            if self.cell_index:
                while self.out and not self.out[-1].strip(" "):
                    self.out.pop()
                if self.out:
                    self.out[-1] = self.out[-1].rstrip(" ")
                self.out.append(" | ")
            self.cell_index += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag == "img":
            alt = (attr.get("alt") or "").strip()
            if alt:
                self.out.append(f"[{alt}]")
        elif tag == "hr":
            self._break()
            self.out.append("---")
            self._break()
        elif tag in _BLOCKS:
            if tag == "pre":
                self.pre += 1
            if self.lists and tag == "p":
                if not self.fresh_item:
                    self._break(blank=False)
                    self.out.append("  " * min(len(self.lists), MAX_TEXT_INDENT))
            else:
                self._break()
        elif tag == "sup":
            self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._break(blank=not self.lists)
        elif tag == "table":
            self._break()
        elif tag == "tr":
            self._break(blank=False)
        elif tag == "sup":
            self.out.append("]")
        elif tag in _BLOCKS:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._break(blank=not self.lists)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre:
            data = re.sub(r"[ \t\r\n]+", " ", data)
            if not self.out or self.out[-1].endswith(("\n", " ")):
                data = data.lstrip(" ")
        if data:
            self.fresh_item = False
            self.out.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of a rendered fragment (see the module docstring); ends with one newline."""
    builder = _TextBuilder()
    builder.feed(_BACKREF_RE.sub("", fragment))
    builder.close()
    text = "".join(builder.out).replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""
