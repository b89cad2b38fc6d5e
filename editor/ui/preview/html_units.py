"""The preview page cut into units: top-level pieces of the body that Qt turns into whole blocks.

The preview is updated by replacing only the units that changed (`editor.ui.preview.doc_patch`).
A unit boundary is placed only where Qt's HTML import starts a new block whatever the neighbours
are: between two top-level elements that Qt lays out as blocks, never after a table (Qt puts the next element's text in the block that follows the
table's frame, so a table and what follows it stay together), never next to top-level text,
inline elements or elements Qt does not know (their whitespace and text join the neighbouring
blocks), never after an element that ends with an empty block (a `<pre>`'s last newline, an `<hr>`,
an empty element: the next block would reuse it), never before an `<hr>` (it merges into such a
block).

Linear time: one regular-expression scan of the tags; HTML that does not look like the renderer's
(no body, unbalanced tags) gives `None`, and the caller shows the page as a whole. The scan is done in
the worker process that renders the page (`cut_page`: 60 ms of the GUI thread for the 400,000
characters of a 5,000-entry TOC); the window builds the units from the positions it carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The block elements of Qt's rich-text subset (QTextHtmlParser): each starts and ends a block.
QT_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol dl div blockquote pre table hr center address li dt dd".split()
)
# A unit may start with these (an `<hr>` merges into an empty block left by the element before it)
SAFE_START = frozenset("p h1 h2 h3 h4 h5 h6 ul ol dl div blockquote pre table".split())
# ... and end with these, unless what ends it leaves an empty block or a frame (`_UNSAFE_END_RE`):
# a `<pre>`'s last newline (`_PRE_NEWLINE_END_RE`; the preview's parts of a long `<pre>` have none),
# a table, an `<hr>`, a `<br>`, an empty element.
SAFE_END = frozenset("p h1 h2 h3 h4 h5 h6 ul ol dl div blockquote pre".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

_TAIL = 4000
_PRE_NEWLINE_END_RE = re.compile(r"\n\s*(?:</[A-Za-z][A-Za-z0-9]*>\s*)*$")
_BODY_RE = re.compile(r"<body\b[^>]*>", re.I)
_TAG_RE = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>", re.S)
_UNSAFE_END_RE = re.compile(
    r"(?:</table>|</pre>|<hr\b[^>]*>|<br\b[^>]*>|<[A-Za-z][A-Za-z0-9]*\b[^>]*>)\s*"
    r"(?:</[A-Za-z][A-Za-z0-9]*>\s*)*$",
    re.I,
)


@dataclass(frozen=True)
class Page:
    """`head` (up to and with `<body …>`), the body's units in order, `tail` (from `</body>`)."""

    head: str
    units: tuple[str, ...]
    tail: str

    def html(self) -> str:
        return self.head + "".join(self.units) + self.tail


@dataclass
class _Item:
    start: int
    end: int
    starts_block: bool
    ends_block: bool


class CutPage(str):
    """A page that carries where `split_page` cuts it (`cuts`: the body's start, each further unit's
    start, the tail's start; empty when it cannot be cut), so the window need not scan it again."""

    cuts: tuple[int, ...]

    def __new__(cls, text: str, cuts: tuple[int, ...]) -> CutPage:
        self = super().__new__(cls, text)
        self.cuts = cuts
        return self

    def __reduce__(self) -> tuple[type, tuple[str, tuple[int, ...]]]:  # from the worker process
        return (CutPage, (str(self), self.cuts))


def cut_page(text: str) -> CutPage:
    """`text` with the positions of its units (found once, where the page is made)."""
    page = split_page(text)
    if page is None:
        return CutPage(text, ())
    cuts, position = [len(page.head)], len(page.head)
    for unit in page.units[:-1]:
        position += len(unit)
        cuts.append(position)
    cuts.append(len(text) - len(page.tail))
    return CutPage(text, tuple(cuts))


def page_of(text: str) -> Page | None:
    """The page `text` cut in units: from the positions a `CutPage` carries, else by `split_page`."""
    cuts = getattr(text, "cuts", None)
    if cuts is None:
        return split_page(text)
    if not cuts:
        return None
    units = tuple(text[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
    return Page(text[: cuts[0]], units, text[cuts[-1] :])


def split_page(text: str) -> Page | None:
    """`text` as head, units and tail, or None when it is not a page whose body can be cut safely."""
    body = _BODY_RE.search(text)
    close = text.rfind("</body>")
    if body is None or close < body.end():
        return None
    head, content, tail = text[: body.end()], text[body.end() : close], text[close:]
    items = _top_level_items(content)
    if items is None:
        return None
    units: list[str] = []
    start = 0
    for previous, item in zip(items, items[1:], strict=False):
        if previous.ends_block and item.starts_block:
            units.append(content[start : item.start])
            start = item.start
    units.append(content[start:])
    return Page(head, tuple(units), tail)


def _top_level_items(content: str) -> list[_Item] | None:
    """The body's top-level elements and text runs (whitespace between them belongs to the one before)."""
    items: list[_Item] = []
    stack: list[str] = []
    opened_at = 0
    last = 0  # end of the last top-level item
    for match in _TAG_RE.finditer(content):
        closing, name, self_closing = match.group(1), match.group(2), match.group(3)
        if name is None:  # a comment: part of whatever holds it
            continue
        if not stack and content[last : match.start()].strip():  # top-level text before this tag
            items.append(_Item(last, match.start(), False, False))
            last = match.start()
        name = name.lower()
        if closing:
            if not stack or stack[-1] != name:
                return None  # not balanced as the renderer writes it
            stack.pop()
            if not stack:
                items.append(_item(content, opened_at, match.end()))
                last = match.end()
        elif name in VOID or self_closing:
            if not stack:
                items.append(_item(content, match.start(), match.end()))
                last = match.end()
        else:
            if not stack:
                opened_at = match.start()
            stack.append(name)
    if stack:
        return None
    if content[last:].strip():
        items.append(_Item(last, len(content), False, False))
    if items:  # leading and trailing whitespace go with the first / last item
        items[0].start = 0
    return items


def _item(content: str, start: int, end: int) -> _Item:
    """A top-level element: may a unit start with it, end with it (see SAFE_START, SAFE_END)?

    An element Qt does not know (header, section, details...) is laid out inline: the whitespace
    and text it holds join the neighbouring blocks, so it never starts or ends a unit."""
    piece = content[start:end]
    opening = _TAG_RE.match(piece)
    tag = (opening.group(2) or "").lower() if opening else ""
    closing = piece.rfind("</")
    last = piece[max(0, closing - _TAIL) : closing]  # the end is what matters (and keeps this linear)
    return _Item(
        start,
        end,
        tag in SAFE_START,
        tag in SAFE_END
        and closing > 0
        and not _UNSAFE_END_RE.search(last)
        and not (tag == "pre" and _PRE_NEWLINE_END_RE.search(last)),
    )
