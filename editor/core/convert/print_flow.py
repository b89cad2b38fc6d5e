"""The printed page's HTML → a flat list of blocks to lay out and draw (pure Python, no Qt).

The PDF is no longer Qt's `QTextDocument` of the HTML (its HTML import, table layout and page
drawing took ~1.4 s of CPU per MB of Markdown): `editor.ui.export.pdf_flow` lays out each block
here with one `QTextLayout` and paginates itself. A block is a paragraph, heading, list item, code
block, rule, image or table, with its text, its style spans (bold, italic, code, link, colour),
its direction, its indent (lists, quotes), its list marker and its spacing in CSS pixels (the
preview's stylesheet: resources/css/preview.css). The HTML is the sanitizer's well-formed output,
already bounded in depth (`html_budget`), read with lxml's parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree

from editor.core.convert.docx_xml import element_content
from editor.core.markdown.html_budget import limit_html
from editor.core.text.direction import text_direction

# (bold, italic, code, link, colour, superscript): how a stretch of text is drawn
Style = tuple[bool, bool, bool, str | None, str | None, bool]
PLAIN: Style = (False, False, False, None, None, False)
LINK_COLOR = "#0b5c8a"
BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre table hr div dl dt dd header figure".split()
)
# spacing before and after each kind of block, in CSS pixels (preview.css)
SPACING = {
    "p": (0, 12),
    "h1": (18, 8),
    "h2": (16, 8),
    "h3": (14, 6),
    "h4": (12, 6),
    "h5": (12, 6),
    "h6": (12, 6),
    "pre": (6, 12),
    "li": (0, 4),
    "hr": (8, 8),
    "table": (8, 12),
    "image": (4, 12),
}
LIST_INDENT = 30  # CSS px per list level
QUOTE_INDENT = 20  # CSS px on each side per quote level
MAX_LAYOUT_CHARS = 10_000  # a longer paragraph is laid out in pieces (`cut_text`): bounded layouts
MAX_WALK_DEPTH = 200  # deeper elements (never in the budgeted HTML) give their text only
_SPACE_RE = re.compile(r"[\t\n\r\f]|  ")  # what collapses to one space (a lone space is kept as it is)
_SPACES_RE = re.compile(r"[ \t\n\r\f]+")
_CLASS_STYLES = ("subtitle", "byline", "dateline", "footnote", "midad-notice", "tags")


@dataclass
class Span:
    """A stretch of a block's text drawn in `style` (plain text has no span)."""

    start: int
    length: int
    style: Style


@dataclass
class Cell:
    """A table cell: its text and spans, direction and whether it is a header cell."""

    text: str
    spans: list[Span]
    rtl: bool
    header: bool


@dataclass
class Block:
    """One thing printed below the previous one (see the module docstring)."""

    kind: str  # p, h1..h6, pre, li, hr, table, image
    text: str = ""
    spans: list[Span] = field(default_factory=list)
    rtl: bool = False
    role: str = ""  # a class with its own look: subtitle, byline, dateline, footnote, midad-notice, tags
    indent: int = 0  # list levels
    quote: int = 0  # quote levels
    marker: str = ""  # a list item's bullet or number
    rows: list[list[Cell]] = field(default_factory=list)  # a table's rows
    src: str = ""  # an image's source (as written in the HTML)
    before: float = 0.0  # CSS px
    after: float = 0.0


class _Text:
    """A block's text being collected with its spans."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.spans: list[Span] = []
        self.size = 0

    def add(self, text: str, style: Style) -> None:
        if not text:
            return
        if style != PLAIN:
            last = self.spans[-1] if self.spans else None
            if last is not None and last.style == style and last.start + last.length == self.size:
                last.length += len(text)
            else:
                self.spans.append(Span(self.size, len(text), style))
        self.pieces.append(text)
        self.size += len(text)

    def result(self, pre: bool) -> tuple[str, list[Span]]:
        text = "".join(self.pieces)
        if pre:
            return text.rstrip("\n").replace("\r\n", "\u2028").replace("\n", "\u2028"), self.spans
        # leading and trailing spaces go; spans are moved and cut to match
        stripped = text.lstrip(" ")
        lead = len(text) - len(stripped)
        stripped = stripped.rstrip(" ")
        spans = []
        for span in self.spans:
            start = max(span.start - lead, 0)
            end = min(span.start + span.length - lead, len(stripped))
            if end > start:
                spans.append(Span(start, end - start, span.style))
        return stripped, spans


def _parse(html: str):  # noqa: ANN202 - lxml element
    """The page's tree; nesting deeper than libxml2 keeps (2,048 levels: it drops what is below) is
    flattened first by the preview's depth limit (`html_budget.limit_html`), so no text is lost."""
    parser = lxml.etree.HTMLParser(huge_tree=True)  # plain elements: no Python class lookup per element
    root = lxml.etree.fromstring(html, parser=parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        flat = limit_html(
            html, max_chars=len(html) + 1, max_block_chars=None, split_notice=False, max_cell_chars=None
        )
        root = lxml.etree.fromstring(flat.html, parser=lxml.etree.HTMLParser(huge_tree=True))
    return root


def _classes(el) -> set[str]:  # noqa: ANN001 - lxml element
    return set((el.get("class") or "").split())


class FlowBuilder:
    """Walks the printed page's body and collects its blocks."""

    def __init__(self, article_rtl: bool) -> None:
        self.blocks: list[Block] = []
        self.article_rtl = article_rtl

    def page(self, html: str) -> list[Block]:
        """The blocks of a printed page (or part of one: `print_parts`)."""
        if not html.strip():
            return self.blocks
        root = _parse(html)
        body = root.find("body")
        if body is None:
            body = root
        direction = body.get("dir")
        rtl = self.article_rtl if direction is None else direction == "rtl"
        self.container(body, rtl, indent=0, quote=0, role="", depth=0)
        return self.blocks

    # --- blocks -----------------------------------------------------------------------------------
    def container(self, el, rtl: bool, indent: int, quote: int, role: str, depth: int) -> None:  # noqa: ANN001
        loose: list = []
        for node in element_content(el):
            if isinstance(node, str) or node.tag not in BLOCK_TAGS or depth > MAX_WALK_DEPTH:
                if not isinstance(node, str) or node.strip():
                    loose.append(node)
                continue
            if loose:
                self.paragraph("p", loose, el, rtl, indent, quote, role)
                loose = []
            self.block(node, rtl, indent, quote, role, depth + 1)
        if loose:
            self.paragraph("p", loose, el, rtl, indent, quote, role)

    def block(self, node, rtl: bool, indent: int, quote: int, role: str, depth: int) -> None:  # noqa: ANN001
        name = node.tag
        direction = node.get("dir")
        if direction in ("rtl", "ltr"):
            rtl = direction == "rtl"
        role = next((c for c in _CLASS_STYLES if c in _classes(node)), role)
        if name in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "dt", "dd"):
            self.paragraph(
                name if name[0] == "h" else "p", element_content(node), node, rtl, indent, quote, role
            )
        elif name in ("ul", "ol"):
            number = int(node.get("start") or 1) if (node.get("start") or "1").isdigit() else 1
            for item in node:
                if not isinstance(item.tag, str):
                    continue
                marker = f"{number}." if name == "ol" else ("•", "◦", "▪")[min(indent, 2)]
                if item.tag == "li":
                    self.list_item(item, rtl, indent + 1, quote, role, marker, depth + 1)
                    number += 1
                else:
                    self.block(item, rtl, indent + 1, quote, role, depth + 1)
        elif name == "li":
            self.list_item(node, rtl, indent + 1, quote, role, "•", depth + 1)
        elif name == "blockquote":
            self.container(node, rtl, indent, quote + 1, role, depth + 1)
        elif name == "pre":
            self.paragraph("pre", element_content(node), node, False, indent, quote, role, pre=True)
        elif name == "hr":
            self.blocks.append(Block("hr", indent=indent, quote=quote, before=8, after=8))
        elif name == "table":
            self.table(node, rtl, indent, quote)
        else:  # div, header, figure, dl: their content
            self.container(node, rtl, indent, quote, role, depth + 1)

    def list_item(self, item, rtl: bool, indent: int, quote: int, role: str, marker: str, depth: int) -> None:  # noqa: ANN001, E501
        direction = item.get("dir")
        if direction in ("rtl", "ltr"):
            rtl = direction == "rtl"
        children = element_content(item)
        first = len(self.blocks)
        loose: list = []
        for node in children:
            if isinstance(node, str) or node.tag not in BLOCK_TAGS or depth > MAX_WALK_DEPTH:
                if not isinstance(node, str) or node.strip():
                    loose.append(node)
                continue
            if loose:
                self.paragraph("li", loose, item, rtl, indent, quote, role)
                loose = []
            if node.tag == "p":
                self.paragraph("li", element_content(node), node, rtl, indent, quote, role)
            else:
                self.block(node, rtl, indent, quote, role, depth + 1)
        if loose:
            self.paragraph("li", loose, item, rtl, indent, quote, role)
        if len(self.blocks) == first:  # an empty item still shows its marker
            self.blocks.append(Block("li", rtl=rtl, indent=indent, quote=quote, before=0, after=4))
        self.blocks[first].marker = marker

    def paragraph(
        self, kind: str, nodes: list, owner, rtl: bool, indent: int, quote: int, role: str, pre: bool = False
    ) -> None:  # noqa: ANN001
        collected = _Text()
        images: list[str] = []
        self.runs(nodes, PLAIN, collected, pre, images, 0)
        text, spans = collected.result(pre)
        if owner is not None and owner.get("dir") in ("rtl", "ltr"):
            rtl = owner.get("dir") == "rtl"
        elif not pre and text:
            rtl = text_direction(text[:2000], "rtl" if rtl else "ltr") == "rtl"
        before, after = SPACING.get(kind, (0, 12))
        if text or pre:
            self.blocks.append(Block(kind, text, spans, rtl, role, indent, quote, before=before, after=after))
        for src in images:
            self.blocks.append(
                Block("image", src=src, rtl=rtl, indent=indent, quote=quote, before=4, after=12)
            )

    def runs(self, nodes: list, style: Style, out: _Text, pre: bool, images: list[str], depth: int) -> None:
        for node in nodes:
            if isinstance(node, str):
                out.add(node if pre or not _SPACE_RE.search(node) else _SPACES_RE.sub(" ", node), style)
                continue
            name = node.tag
            if not isinstance(name, str):
                continue
            if depth > MAX_WALK_DEPTH:
                out.add(_SPACES_RE.sub(" ", "".join(node.itertext())), style)
            elif name == "br":
                out.add("\u2028", style)
            elif name == "img":
                src = node.get("src") or ""
                if src and not src.startswith(("http:", "https:", "//")):
                    images.append(src)
                else:
                    out.add(node.get("alt") or "", style)
            else:
                bold, italic, code, link, color, sup = style
                classes = _classes(node)
                if name == "a" and node.get("href") and link is None:
                    link, color = str(node.get("href")), LINK_COLOR
                if "hashtag" in classes:
                    color = LINK_COLOR
                elif "remote-image" in classes:
                    color = "#8a4b0b"
                inner = (
                    bold or name in ("strong", "b", "th"),
                    italic or name in ("em", "i", "cite"),
                    code or name in ("code", "kbd", "samp"),
                    link,
                    color,
                    sup or name == "sup",
                )
                self.runs(element_content(node), inner, out, pre, images, depth + 1)

    def table(self, node, rtl: bool, indent: int, quote: int) -> None:  # noqa: ANN001
        direction = node.get("dir")
        if direction in ("rtl", "ltr"):
            rtl = direction == "rtl"
        rows: list[list[Cell]] = []
        for row in _table_rows(node):
            cells = []
            for cell in row:
                if cell.tag not in ("td", "th"):
                    continue
                collected = _Text()
                # a table inside a cell (rare; the budget keeps it shallow) gives its text
                self.runs(element_content(cell), PLAIN, collected, False, [], 0)
                text, spans = collected.result(False)
                cell_dir = cell.get("dir")
                cell_rtl = rtl if cell_dir not in ("rtl", "ltr") else cell_dir == "rtl"
                cells.append(Cell(text, spans, cell_rtl, cell.tag == "th"))
            if cells:
                rows.append(cells)
        if rows:
            self.blocks.append(
                Block("table", rtl=rtl, indent=indent, quote=quote, rows=rows, before=8, after=12)
            )


def cut_text(text: str, spans: list[Span], limit: int = MAX_LAYOUT_CHARS) -> list[tuple[str, list[Span]]]:
    """`text` in pieces of at most `limit` characters, cut after a space where there is one in the
    piece's last quarter (a huge word is cut anywhere), each with its spans; linear in `text`."""
    if len(text) <= limit:
        return [(text, spans)]
    pieces = []
    start = 0
    index = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            space = text.rfind(" ", start + limit * 3 // 4, end)
            end = space + 1 if space > 0 else end
        own = []
        while index < len(spans) and spans[index].start + spans[index].length <= start:
            index += 1
        scan = index
        while scan < len(spans) and spans[scan].start < end:
            span = spans[scan]
            first, last = max(span.start, start), min(span.start + span.length, end)
            if last > first:
                own.append(Span(first - start, last - first, span.style))
            scan += 1
        pieces.append((text[start:end], own))
        start = end
    return pieces


def _table_rows(table) -> list:  # noqa: ANN001 - lxml element
    """The rows of `table` itself (not those of a table inside one of its cells)."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if row.tag == "tr")
    return rows


def page_blocks(html: str, article_rtl: bool) -> list[Block]:
    """The blocks of the printed page `html` (a whole page or a part of one)."""
    return FlowBuilder(article_rtl).page(html)
