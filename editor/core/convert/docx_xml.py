"""Rendered HTML → the WordprocessingML of a Word body, written as text: linear and fast for huge articles.

The same paragraphs, runs and properties as the python-docx object model wrote before
(`tests/core/convert/test_docx_xml.py` compares the two byte for byte): each block becomes a
`w:p` (an RTL one with `w:bidi` and right alignment, its runs `w:rtl`), headings `Heading N`,
lists `List Bullet`/`List Number` (levels 2–3), quotes `Quote`, code `DejaVu Sans Mono` aligned
left, tables `Table Grid` (`w:bidiVisual` when RTL), links real hyperlinks. The HTML is read with
lxml's parser (the sanitizer's well-formed output). Hyperlinks are written with a placeholder id
(`LINK_MARK` + number + `LINK_MARK`) and their targets listed, so a part can be written in a worker
process and the ids given once for the whole document (`docx_out`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from editor.core.text.direction import text_direction

LINK_MARK = "\x01"  # never in the XML otherwise: control characters are removed from the text
BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 ul ol blockquote pre table hr div dl".split())
HEADING_SIZES = {0: 24, 1: 20, 2: 17, 3: 15, 4: 14, 5: 14, 6: 14}
BIDI_LANG = {"ar": "ar-SA", "fa": "fa-IR", "ur": "ur-PK", "he": "he-IL"}
CODE_FONT = "DejaVu Sans Mono"
LINK_COLOR = "1A4F9C"
# characters XML 1.0 cannot hold (Word and lxml refuse them): removed from the text
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}
)
_RUN_PIECES_RE = re.compile(r"[\t\r\n]|[^\t\r\n]+")


def xml_text(text: str) -> str:
    """`text` escaped for an element's content (characters XML cannot hold removed)."""
    return NOT_XML_RE.sub("", text).translate(_TEXT_ESCAPES)


def xml_attr(text: str) -> str:
    """`text` escaped for a double-quoted attribute (as lxml writes it)."""
    return NOT_XML_RE.sub("", text).translate(_ATTR_ESCAPES)


@dataclass
class Settings:
    """What every part of one document shares."""

    article_dir: str
    font: str
    size: float
    lang: str
    style_ids: dict[str, str | None]  # style name -> style id (None: the default paragraph style)
    col_width_twips: dict[int, int] = field(default_factory=dict)  # columns -> one column's width
    block_width_emu: int = 0


@dataclass
class BodyXml:
    """One part's body XML and the hyperlink targets its placeholders number (in order)."""

    xml: str
    links: list[str]


def element_content(el) -> list:  # noqa: ANN001 - lxml element
    """`el`'s content as BeautifulSoup lists it: texts and elements, in order (no comments)."""
    out: list = []
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            out.append(child)
        if child.tail:
            out.append(child.tail)
    return out


def _text_of(nodes: list) -> str:
    return "".join(n if isinstance(n, str) else n.text_content() for n in nodes)


class XmlWriter:
    """Walks a rendered fragment and writes Word paragraphs and tables as XML text."""

    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self.out: list[str] = []
        self.links: dict[str, int] = {}
        self._rpr: dict[tuple, str] = {}
        bidi = BIDI_LANG.get(settings.lang.split("-")[0].lower())
        self._lang = f'<w:lang w:bidi="{bidi}"/>' if bidi else ""
        self._font = xml_attr(settings.font)

    # --- blocks ---------------------------------------------------------------------------------
    def fragment(self, html: str) -> BodyXml:
        """The body XML of the rendered fragment `html`."""
        if html.strip():
            root = lxml.html.fragment_fromstring(html, create_parent="div")
            self.blocks(root)
        return BodyXml("".join(self.out), list(self.links))

    def blocks(self, parent, list_level: int = 0, quote: bool = False) -> None:  # noqa: ANN001
        loose: list = []
        for node in element_content(parent):
            if not isinstance(node, str) and (node.tag in BLOCKS or node.tag == "li"):
                if loose:
                    self.paragraph(loose, parent, quote=quote)
                    loose = []
                self.block(node, list_level, quote)
            elif not isinstance(node, str) or node.strip():
                loose.append(node)
        if loose:
            self.paragraph(loose, parent, quote=quote)

    def block(self, node, list_level: int, quote: bool) -> None:  # noqa: ANN001
        name = node.tag
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.paragraph(element_content(node), node, style=f"Heading {min(int(name[1]), 9)}")
        elif name in ("ul", "ol"):
            style = "List Number" if name == "ol" else "List Bullet"
            for item in node:
                if item.tag == "li":
                    self.list_item(item, style, list_level + 1)
        elif name == "li":
            self.list_item(node, "List Bullet", list_level + 1)
        elif name == "blockquote":
            self.blocks(node, list_level, quote=True)
        elif name == "pre":
            self.paragraph(element_content(node), node, code=True)
        elif name == "table":
            self.table(node)
        elif name == "hr":
            self.out.append(
                '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/>'
                "</w:pBdr></w:pPr></w:p>"
            )
        else:  # div, dl and other containers
            self.blocks(node, list_level, quote)

    def list_item(self, item, style: str, level: int) -> None:  # noqa: ANN001
        style = style if level <= 1 else f"{style} {min(level, 3)}"
        children = element_content(item)
        inline = [c for c in children if isinstance(c, str) or c.tag not in BLOCKS]
        if any(not isinstance(c, str) or c.strip() for c in inline):
            self.paragraph(inline, item, style=style)
        for child in children:
            if isinstance(child, str):
                continue
            if child.tag in ("ul", "ol"):
                self.block(child, level, False)
            elif child.tag in BLOCKS:
                self.paragraph(element_content(child), child, style=style)

    def table(self, node) -> None:  # noqa: ANN001
        rows = list(node.iter("tr"))
        cells = [[c for c in row if c.tag in ("td", "th")] for row in rows]
        columns = max((len(r) for r in cells), default=0)
        if not rows or not columns:
            return
        width = self.s.col_width_twips.get(columns)
        if width is None:
            width = int(self.s.block_width_emu // columns / 635)
            self.s.col_width_twips[columns] = width
        direction = node.get("dir") or self.s.article_dir
        style_id = xml_attr(self.s.style_ids["Table Grid"] or "")
        bidi = "<w:bidiVisual/>" if direction == "rtl" else ""
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style_id}"/>{bidi}<w:tblW w:type="auto" w:w="0"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
            'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
            + f'<w:gridCol w:w="{width}"/>' * columns
            + "</w:tblGrid>"
        )
        cell_start = f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
        for row in cells:
            out.append("<w:tr>")
            for cell in row:
                out.append(cell_start)
                cell_dir = cell.get("dir") or direction
                self._paragraph(element_content(cell), None, cell_dir, "Normal", bold=cell.tag == "th")
                out.append("</w:tc>")
            out.append(f"{cell_start}<w:p/></w:tc>" * (columns - len(row)))
            out.append("</w:tr>")
        out.append("</w:tbl>")

    # --- paragraphs and runs ----------------------------------------------------------------------
    def paragraph(
        self, nodes: list, owner, style: str | None = None, code: bool = False, quote: bool = False
    ):  # noqa: ANN001, ANN201, E501
        if quote and style is None:
            style = "Quote"
        if code:
            direction = "ltr"
        elif owner is not None and owner.get("dir"):
            direction = str(owner.get("dir"))
        else:
            direction = text_direction(_text_of(nodes), self.s.article_dir)
        style_id = self.s.style_ids.get(style) if style is not None else None
        self._paragraph(nodes, style, direction, style or "Normal", style_id=style_id, code=code)

    def _paragraph(
        self,
        nodes: list,
        style: str | None,
        direction: str,
        size_style: str,
        *,
        style_id: str | None = None,
        code: bool = False,
        bold: bool = False,
    ) -> None:
        rtl = direction == "rtl"
        ppr = ""
        if style_id is not None:
            ppr += f'<w:pStyle w:val="{xml_attr(style_id)}"/>'
        if rtl:
            ppr += '<w:bidi/><w:jc w:val="right"/>'
        elif code:
            ppr += '<w:jc w:val="left"/>'
        out = self.out
        out.append(f"<w:p><w:pPr>{ppr}</w:pPr>" if ppr or style is not None else "<w:p>")
        self._size = self._style_size(size_style)
        self._rtl = rtl
        start = len(out)
        self.runs(nodes, bold, False, code, None)
        if len(out) == start and ppr == "" and style is None:
            out[-1] = "<w:p/>"
            return
        out.append("</w:p>")

    def runs(self, nodes: list, bold: bool, italic: bool, code: bool, link: str | None) -> None:
        for node in nodes:
            if isinstance(node, str):
                text = " ".join(node.split("\n")) if not code else node.rstrip("\n")
                if text:
                    self.run(text, bold, italic, code, link)
                continue
            name = node.tag
            if name == "br":
                self.out.append(f"<w:r>{self.rpr(bold, italic, code, link)}<w:br/></w:r>")
            elif name == "a" and node.get("href") and link is None:
                self.runs(element_content(node), bold, italic, code, str(node.get("href")))
            elif name == "img":
                self.run(node.get("alt") or "", bold, italic, code, link)
            else:
                self.runs(
                    element_content(node),
                    bold or name in ("strong", "b", "th"),
                    italic or name in ("em", "i", "cite"),
                    code or name in ("code", "kbd", "samp"),
                    link,
                )

    def rpr(self, bold: bool, italic: bool, code: bool, link: str | None) -> str:
        key = (bold, italic, code, link is not None, self._rtl, self._size)
        cached = self._rpr.get(key)
        if cached is None:
            rtl = self._rtl
            mono = f'w:ascii="{CODE_FONT}" w:hAnsi="{CODE_FONT}" ' if code else ""
            hint = ' w:hint="cs"' if rtl else ""
            cached = (
                f'<w:rPr><w:rFonts {mono}w:cs="{self._font}"{hint}/>'
                + ("<w:b/><w:bCs/>" if bold else "")
                + ("<w:i/><w:iCs/>" if italic else "")
                + (f'<w:color w:val="{LINK_COLOR}"/>' if link is not None else "")
                + f'<w:szCs w:val="{int(self._size * 2)}"/>'
                + ('<w:u w:val="single"/>' if link is not None else "")
                + ("<w:rtl/>" if rtl else "")
                + self._lang
                + "</w:rPr>"
            )
            self._rpr[key] = cached
        return cached

    def run(self, text: str, bold: bool, italic: bool, code: bool, link: str | None) -> None:
        content = "".join(_run_content(piece) for piece in _RUN_PIECES_RE.findall(text))
        run = f"<w:r>{self.rpr(bold, italic, code, link)}{content}</w:r>"
        if link is not None:
            number = self.links.setdefault(link, len(self.links))
            run = f'<w:hyperlink r:id="{LINK_MARK}{number}{LINK_MARK}">{run}</w:hyperlink>'
        self.out.append(run)

    def _style_size(self, style: str) -> float:
        if style.startswith("Heading "):
            return HEADING_SIZES.get(int(style.split()[1]), self.s.size)
        return HEADING_SIZES[0] if style == "Title" else self.s.size


def _run_content(piece: str) -> str:
    if piece == "\t":
        return "<w:tab/>"
    if piece in ("\r", "\n"):
        return "<w:br/>"
    text = xml_text(piece)
    if not text:
        return ""
    if len(piece.strip()) < len(piece):
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


def body_xml(html: str, settings: Settings) -> BodyXml:
    """The Word body XML of one rendered fragment (a whole article's, or one part's)."""
    return XmlWriter(settings).fragment(html)
