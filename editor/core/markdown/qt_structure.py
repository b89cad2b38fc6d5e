"""Long lists, big containers, huge tables and many anchors of the preview's HTML, bounded for Qt.

Runs after `html_budget.limit_html` (its output is balanced). Measured with Qt 6 (offscreen, load ~5):
- **one list with many items is quadratic** in Qt (each new item marks every item of its list for
  layout again): 1,000 items 28 ms, 2,000 160 ms, 4,000 0.86 s; the TOC of 5,000 headings held the
  GUI thread 3 s. And the preview updates its page by top-level blocks (`ui/preview/html_units`): a
  list, quote or `div` at the top level is one block however long. So a top-level container (`ul`,
  `ol`, `blockquote`, `div`, nested in each other: the TOC's `div > ul`, the footnotes' `div > ol`)
  is closed and opened again between two of its children once the part holds `MAX_QT_LIST_ITEMS`
  items or `MAX_QT_PART_CHARS` characters: an `ol` goes on with the next number (`start`), the
  margins where the parts meet are 0, so Qt makes the same blocks as for the whole (tested). Every
  output gets this (the PDF too: it looks the same). A list nested in a list item cannot be
  continued that way (the outer item would get a second bullet), nor a list whose items end with an
  image or a line break: in the live preview such a list is shown up to `MAX_QT_NESTED_LIST_ITEMS`
  items, with a notice in its place.
- **a table is laid out whole** when it is inserted (about 40 µs per cell, more for long cells): a
  table of 60,000 cells held the GUI thread 6 s. The live preview shows a table up to the row that
  reaches `MAX_QT_TABLE_CELLS` cells or `MAX_QT_TABLE_CHARS` characters, then a notice saying how
  many rows the exports have beyond it.
- **anchors** (`id`, `<a name>`): Qt's table of formats gives every list of anchor names the same
  hash, so each new anchor is compared with all the others (8,000 headings with ids: 0.7 s for the
  last 400). The live preview keeps the first `MAX_QT_ANCHORS`; links to later ones do not jump (a
  notice says so).

One linear pass over the tags; the exports' HTML (`export_html`…) never comes here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from editor.core.text.messages import dump_text, msg

MAX_QT_LIST_ITEMS = 500
MAX_QT_PART_CHARS = 20_000
MAX_QT_NESTED_LIST_ITEMS = 1_000
MAX_QT_TABLE_CELLS = 600
MAX_QT_TABLE_CHARS = 40_000
MAX_QT_ANCHORS = 2_000

_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^<>]*)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
CONTAINERS = frozenset("ul ol blockquote div".split())
# a part may end after these (Qt starts the next block whatever follows; see `html_units.SAFE_END`)
_CLEAN_ENDS = frozenset("p h1 h2 h3 h4 h5 h6 li ul ol blockquote div".split())
# Qt's block elements (`html_units.QT_BLOCKS`, with the table's parts); a part may start with these
_QT_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol dl div blockquote pre table hr center address li dt dd tr td th".split()
)
_PART_STARTS = frozenset("p h1 h2 h3 h4 h5 h6 ul ol dl div blockquote pre table li".split())
_ID_RE = re.compile(r"""\s(?:id|name)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE)
_START_RE = re.compile(r"""\sstart\s*=\s*["']?(-?\d{1,9})["']?""", re.IGNORECASE)
_STYLE_RE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@dataclass
class _Frame:
    name: str
    index: int  # where its start tag is in the output (rewritten when the part is continued)
    original: str  # its start tag in the fragment
    begin: int  # output characters before it (its part's size is the output since then)
    items: int = 0  # list items in this part
    number: int = 1  # an `ol`: the number of its next item
    cells: int = 0  # a table's cells (nested tables' included)
    text: bool = False  # holds text (an empty element leaves an empty block: no part ends after it)
    end_ok: bool = False  # what it holds so far ends with a block of text (a part may end here)


@dataclass
class Structured:
    """The HTML and the notices about what the preview leaves out."""

    html: str
    notices: list[str] = field(default_factory=list)


def notice_paragraph(sentence: str, direction: str = "ltr") -> str:
    """A notice in the preview: the window shows it in its language (`ui/preview/notices`)."""
    data = html.escape(dump_text(sentence) or "")
    return f'<p class="midad-notice" dir="{direction}" data-midad-msg="{data}">{html.escape(sentence)}</p>'


def _with_style(tag: str, declaration: str) -> str:
    """`tag` (a start tag) with `declaration` added to its style attribute."""
    found = _STYLE_RE.search(tag)
    if found is None:
        return f'{tag[:-1]} style="{declaration}">'
    value = (found.group(1) if found.group(1) is not None else found.group(2)).strip()
    joined = f"{value};{declaration}" if value and not value.endswith(";") else value + declaration
    return f'{tag[: found.start()]} style="{joined}"{tag[found.end() :]}'


def _with_start(tag: str, number: int) -> str:
    found = _START_RE.search(tag)
    if found is not None:
        tag = tag[: found.start()] + tag[found.end() :]
    return f'{tag[:-1]} start="{number}">'


def _list_start(tag: str) -> int:
    found = _START_RE.search(tag)
    return int(found.group(1)) if found else 1


class _Pass:
    """One pass over the tags of a balanced fragment (`limit_structure`)."""

    def __init__(self, cut: bool, direction: str) -> None:
        self.cut, self.direction = cut, direction
        self.out: list[str] = []
        self.size = 0  # characters in `out`
        self.stack: list[_Frame] = []
        self.anchors = 0
        self.skip: _Frame | None = None  # the table or list whose rest is left out
        self.skip_depth = self.skipped = self.inner_tables = 0

    def emit(self, piece: str) -> None:
        self.out.append(piece)
        self.size += len(piece)

    def text(self, text: str) -> None:
        if self.skip is None and text:
            self.emit(text)
            if self.stack and not text.isspace():
                frame = self.stack[-1]
                frame.text = True
                frame.end_ok = frame.name not in CONTAINERS  # text loose in a quote: no part ends after it

    def skipping(self, closing: bool, name: str) -> None:
        """A tag inside what is left out: only the end of `skip` matters."""
        if name in _VOID:
            return
        skip = self.skip
        assert skip is not None
        if not closing:
            self.skip_depth += 1
            self.inner_tables += name == "table"
            if name == "tr" and skip.name == "table" and self.inner_tables == 0:
                self.skipped += 1
            elif name == "li" and skip.name != "table" and self.skip_depth == 1:
                self.skipped += 1
        elif self.skip_depth:
            self.skip_depth -= 1
            self.inner_tables -= name == "table"
        else:  # an element of the stack ends (its start was kept): the left-out part's own end
            frame = self.stack.pop()
            self.emit(f"</{frame.name}>")
            if frame is skip:
                self.emit(_cut_notice(skip, self.skipped, self.direction))
                self.skip = None
                if self.stack:
                    self.stack[-1].end_ok = False

    def end(self, name: str, tag: str) -> bool:
        """An end tag; False when it does not close the innermost element (not balanced)."""
        if not self.stack or self.stack[-1].name != name:
            return False
        frame = self.stack.pop()
        self.emit(tag)
        if self.stack:
            parent = self.stack[-1]
            parent.text = parent.text or frame.text
            inline = name not in _QT_BLOCKS
            parent.end_ok = frame.text and frame.end_ok and (inline or name in _CLEAN_ENDS)
        return True

    def start(self, name: str, tag: str) -> None:
        stack = self.stack
        if name in _VOID:
            self.emit(tag)
            if stack:
                stack[-1].end_ok = False
            return
        if stack:
            parent = stack[-1]
            if name == "li" and parent.name in ("ul", "ol"):
                parent.items += 1
                parent.number += 1
            elif name in ("td", "th") and parent.name == "tr":
                for frame in stack:
                    frame.cells += frame.name == "table"
            elif name == "tr" and self.cut and self._table_full():
                return
            if self._part_full(parent, name) and all(frame.name in CONTAINERS for frame in stack):
                self._continue_parts(name)
            elif self.cut and name == "li" and parent.items > MAX_QT_NESTED_LIST_ITEMS:
                self.skip, self.skip_depth, self.skipped, self.inner_tables = parent, 1, 1, 0
                return
        if self.cut and ("id" in tag or "name" in tag) and _ID_RE.search(tag):
            self.anchors += 1
            if self.anchors > MAX_QT_ANCHORS:
                tag = _ID_RE.sub("", tag)
        frame = _Frame(name, len(self.out), tag, self.size)
        if name == "ol":
            frame.number = _list_start(tag)
        self.emit(tag)
        stack.append(frame)

    def _table_full(self) -> bool:
        """At a row of a table that is full: leave the rest of the table out (True)."""
        table = next((f for f in reversed(self.stack) if f.name == "table"), None)
        if table is None or (
            table.cells < MAX_QT_TABLE_CELLS and self.size - table.begin < MAX_QT_TABLE_CHARS
        ):
            return False
        self.skip, self.skip_depth, self.skipped, self.inner_tables = table, 1, 1, 0
        return True

    def _part_full(self, parent: _Frame, name: str) -> bool:
        """Should the part of `parent` end before its child `name` (and may it end there)?"""
        if not parent.end_ok or not parent.text or name not in _PART_STARTS:
            return False
        if name == "li":
            return parent.name in ("ul", "ol") and (
                parent.items > MAX_QT_LIST_ITEMS or self.size - parent.begin >= MAX_QT_PART_CHARS
            )
        return self.size - parent.begin >= MAX_QT_PART_CHARS

    def _continue_parts(self, child: str) -> None:
        """Close the containers of the stack and open them again: the new part starts where Qt starts a
        new block anyway, with no margin where the parts meet."""
        for frame in reversed(self.stack):
            self.emit(f"</{frame.name}>")
        for frame in self.stack:
            self.out[frame.index] = _with_style(self.out[frame.index], "margin-bottom:0px")
            tag = _with_style(frame.original, "margin-top:0px")
            innermost = frame is self.stack[-1]
            if frame.name == "ol":
                tag = _with_start(tag, frame.number - (innermost and child == "li"))
            frame.index, frame.begin = len(self.out), self.size
            frame.items = int(innermost and child == "li")
            self.emit(tag)

    def finish(self, rest: str) -> str:
        self.text(rest)
        while self.stack:  # not closed in the fragment (limit_html closes everything: only by hand)
            frame = self.stack.pop()
            self.emit(f"</{frame.name}>")
            if frame is self.skip:
                self.emit(_cut_notice(frame, self.skipped, self.direction))
                self.skip = None
        return "".join(self.out)


def limit_structure(fragment: str, *, cut: bool = True, direction: str = "ltr") -> Structured:
    """`fragment` with long top-level containers in parts; with `cut` (the live preview) also huge
    tables and nested lists shown in part and anchors past `MAX_QT_ANCHORS` dropped, with notices."""
    if (
        len(fragment) <= MAX_QT_PART_CHARS
        and fragment.count("<li") <= MAX_QT_LIST_ITEMS
        and fragment.count("<t") <= MAX_QT_TABLE_CELLS
        and fragment.count("id=") + fragment.count("name=") <= MAX_QT_ANCHORS
    ):
        return Structured(fragment)
    state = _Pass(cut, direction)
    position = 0
    for match in _TAG_RE.finditer(fragment):
        state.text(fragment[position : match.start()])
        position = match.end()
        closing, name, tag = match.group(1), match.group(2).lower(), match.group(0)
        if state.skip is not None:
            state.skipping(bool(closing), name)
        elif not closing:
            state.start(name, tag)
        elif not state.end(name, tag):  # not balanced as limit_html writes it: the rest as it is
            state.emit(fragment[match.start() :])
            state.stack.clear()
            position = len(fragment)
            break
    html_text = state.finish(fragment[position:])
    notices = []
    if state.anchors > MAX_QT_ANCHORS:
        notices.append(
            msg(
                "Links to places after the first {count} anchors (headings, footnotes) do not jump in the preview.",
                count=f"{MAX_QT_ANCHORS:,}",
            )
        )
    return Structured(html_text, notices)


def _cut_notice(frame: _Frame, skipped: int, direction: str) -> str:
    if frame.name == "table":
        sentence = msg(
            "The preview shows this table up to here; {count} more rows are in the exports.",
            count=f"{skipped:,}",
        )
    else:
        sentence = msg(
            "The preview shows this list up to here; {count} more items are in the exports.",
            count=f"{skipped:,}",
        )
    return notice_paragraph(sentence, direction)
