"""The Word writer as it was before `docx_xml` (python-docx objects, BeautifulSoup), kept as the reference
that `test_docx_xml.py` compares the XML writer with, byte for byte. Not used by Midad."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor

from editor.core.article.model import Article
from editor.core.convert.docx_fast import DocxBody, add_run, qn
from editor.core.markdown.page import page_tags, render_article
from editor.core.text.direction import article_lang, text_direction

DEFAULT_FONT = "Noto Naskh Arabic"
DEFAULT_SIZE = 14  # points, body text
HEADING_SIZES = {0: 24, 1: 20, 2: 17, 3: 15, 4: 14, 5: 14, 6: 14}
PAPERS = {"a4": (Cm(21.0), Cm(29.7)), "letter": (Cm(21.59), Cm(27.94))}
_BLOCKS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "hr",
    "div",
    "dl",
)
_BIDI_LANG = {"ar": "ar-SA", "fa": "fa-IR", "ur": "ur-PK", "he": "he-IL"}


# Schema order of the properties Midad writes (Word refuses a file whose properties are out of order).
_RPR = (
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline w:shadow w:emboss "
    "w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing w:w w:kern w:position w:sz w:szCs "
    "w:highlight w:u w:effect w:bdr w:shd w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout "
    "w:specVanish w:oMath"
).split()
_PPR = (
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr w:suppressLineNumbers "
    "w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap w:overflowPunct w:topLinePunct w:autoSpaceDE "
    "w:autoSpaceDN w:bidi w:adjustRightInd w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents "
    "w:suppressOverlap w:jc w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle "
    "w:rPr w:sectPr w:pPrChange"
).split()
_SECTPR = (
    "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar w:paperSrc w:pgBorders "
    "w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote w:titlePg w:textDirection w:bidi "
    "w:rtlGutter w:docGrid w:printerSettings w:sectPrChange"
).split()
_TBLPR = (
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize w:tblStyleColBandSize w:tblW w:jc "
    "w:tblCellSpacing w:tblInd w:tblBorders w:shd w:tblLayout w:tblCellMar w:tblLook w:tblCaption "
    "w:tblDescription w:tblPrChange"
).split()
_ORDER = {"w:rPr": _RPR, "w:pPr": _PPR, "w:sectPr": _SECTPR, "w:tblPr": _TBLPR}


def _set(parent, tag: str, **attrs: str):  # noqa: ANN001, ANN202 - lxml elements
    """The child `tag` of `parent` (created if missing) with `attrs` (w: namespace) set."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        sequence = _ORDER.get(parent.tag.replace(qn("w:x")[:-1], "w:"), [])
        if tag in sequence:  # Word refuses properties out of the schema's order
            parent.insert_element_before(child, *sequence[sequence.index(tag) + 1 :])
        else:
            parent.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def _font_props(rpr, font: str, size: float, lang: str, rtl: bool = True) -> None:  # noqa: ANN001
    fonts = _set(rpr, "w:rFonts", cs=font)
    if rtl:
        fonts.set(qn("w:hint"), "cs")
    _set(rpr, "w:szCs", val=str(int(size * 2)))
    bidi_lang = _BIDI_LANG.get(lang.split("-")[0].lower())
    if bidi_lang:
        _set(rpr, "w:lang", bidi=bidi_lang)


def _paragraph_dir(paragraph, direction: str) -> None:  # noqa: ANN001
    if direction == "rtl":
        ppr = paragraph._p.get_or_add_pPr()
        _set(ppr, "w:bidi")
        if ppr.find(qn("w:jc")) is None:  # no alignment yet (python-docx's `alignment is None`)
            _set(ppr, "w:jc", val="right")


_ALIGN = {WD_ALIGN_PARAGRAPH.RIGHT: "right", WD_ALIGN_PARAGRAPH.LEFT: "left"}


def _align(paragraph, alignment) -> None:  # noqa: ANN001
    """`paragraph.alignment = alignment`, written directly (the property reads enums slowly)."""
    _set(paragraph._p.get_or_add_pPr(), "w:jc", val=_ALIGN[alignment])


class _Writer:
    """Walks the rendered HTML and appends Word paragraphs and tables to `doc`."""

    def __init__(self, doc, article_dir: str, font: str, size: float, lang: str) -> None:  # noqa: ANN001
        self.doc = DocxBody(doc)
        self._links: dict[str, str] = {}  # target -> relationship id (python-docx reuses one per target too)
        self.article_dir = article_dir
        self.font = font
        self.size = size
        self.lang = lang

    # --- blocks ---------------------------------------------------------------------------------
    def blocks(self, parent, container=None, list_level: int = 0, quote: bool = False) -> None:  # noqa: ANN001
        container = container if container is not None else self.doc
        loose: list = []
        for node in list(parent.children):
            if isinstance(node, Tag) and node.name in _BLOCKS or isinstance(node, Tag) and node.name == "li":
                if loose:
                    self.paragraph(loose, parent, container, quote=quote)
                    loose = []
                self.block(node, container, list_level, quote)
            elif isinstance(node, Tag) or str(node).strip():
                loose.append(node)
        if loose:
            self.paragraph(loose, parent, container, quote=quote)

    def block(self, node: Tag, container, list_level: int, quote: bool) -> None:  # noqa: ANN001
        name = node.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.paragraph(node.contents, node, container, style=f"Heading {min(int(name[1]), 9)}")
        elif name in ("ul", "ol"):
            for item in node.find_all("li", recursive=False):
                self.list_item(
                    item, container, "List Number" if name == "ol" else "List Bullet", list_level + 1
                )
        elif name == "li":
            self.list_item(node, container, "List Bullet", list_level + 1)
        elif name == "blockquote":
            self.blocks(node, container, list_level, quote=True)
        elif name == "pre":
            paragraph = self.paragraph(node.contents, node, container, code=True)
            _align(paragraph, WD_ALIGN_PARAGRAPH.LEFT)
        elif name == "table":
            self.table(node, container)
        elif name == "hr":
            paragraph = container.add_paragraph()
            border = _set(paragraph._p.get_or_add_pPr(), "w:pBdr")
            _set(border, "w:bottom", val="single", sz="6", space="1", color="999999")
        else:  # div, dl and other containers
            self.blocks(node, container, list_level, quote)

    def list_item(self, item: Tag, container, style: str, level: int) -> None:  # noqa: ANN001
        style = style if level <= 1 else f"{style} {min(level, 3)}"
        inline = [c for c in item.children if not (isinstance(c, Tag) and c.name in _BLOCKS)]
        if any(isinstance(c, Tag) or str(c).strip() for c in inline):
            self.paragraph(inline, item, container, style=style)
        for child in item.children:
            if isinstance(child, Tag) and child.name in ("ul", "ol"):
                self.block(child, container, level, False)
            elif isinstance(child, Tag) and child.name in _BLOCKS:
                self.paragraph(child.contents, child, container, style=style)

    def table(self, node: Tag, container) -> None:  # noqa: ANN001
        rows = node.find_all("tr")
        columns = max((len(r.find_all(["td", "th"], recursive=False)) for r in rows), default=0)
        if not rows or not columns:
            return
        table = container.add_table(len(rows), columns, "Table Grid")
        direction = node.get("dir") or self.article_dir
        if direction == "rtl":
            _set(table._tbl.tblPr, "w:bidiVisual")
        for r, row in enumerate(rows):
            for c, cell_node in enumerate(row.find_all(["td", "th"], recursive=False)):
                cell = table.cell(r, c)
                paragraph = cell.paragraphs[0]
                self.runs(paragraph, cell_node.contents, bold=cell_node.name == "th")
                _paragraph_dir(paragraph, cell_node.get("dir") or direction)
                self._finish_runs(paragraph, cell_node.get("dir") or direction, "Normal")

    # --- paragraphs and runs ------------------------------------------------------------------------------
    def paragraph(
        self,
        nodes,
        owner: Tag | None,
        container,
        style: str | None = None,
        code: bool = False,
        quote: bool = False,
    ):  # noqa: ANN001, ANN201
        if quote and style is None:
            style = "Quote"
        paragraph = container.add_paragraph(style)
        self.runs(paragraph, nodes, code=code)
        if code:
            direction = "ltr"
        elif owner is not None and owner.get("dir"):
            direction = str(owner["dir"])
        else:
            text = "".join(n.get_text() if isinstance(n, Tag) else str(n) for n in nodes)
            direction = text_direction(text, self.article_dir)
        _paragraph_dir(paragraph, direction)
        self._finish_runs(paragraph, direction, style or "Normal")
        return paragraph

    def runs(self, paragraph, nodes, bold=False, italic=False, code=False, link=None) -> None:  # noqa: ANN001
        for node in nodes:
            if isinstance(node, NavigableString):
                text = " ".join(str(node).split("\n")) if not code else str(node).rstrip("\n")
                if text:
                    self.run(paragraph, text, bold, italic, code, link)
                continue
            name = node.name
            if name == "br":
                paragraph.add_run().add_break()
            elif name == "a" and node.get("href") and link is None:
                self.runs(paragraph, node.contents, bold, italic, code, str(node["href"]))
            elif name == "img":
                self.run(paragraph, node.get("alt") or "", bold, italic, code, link)
            else:
                self.runs(
                    paragraph,
                    node.contents,
                    bold or name in ("strong", "b", "th"),
                    italic or name in ("em", "i", "cite"),
                    code or name in ("code", "kbd", "samp"),
                    link,
                )

    def run(self, paragraph, text: str, bold: bool, italic: bool, code: bool, link: str | None) -> None:  # noqa: ANN001
        if link is None:
            run = add_run(paragraph, text)
        else:
            rel_id = self._links.get(link)
            if rel_id is None:  # python-docx finds an existing one by scanning every relationship
                rel_id = paragraph.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                self._links[link] = rel_id
            hyperlink = OxmlElement("w:hyperlink")
            hyperlink.set(qn("r:id"), rel_id)
            paragraph._p.append(hyperlink)
            run = add_run(paragraph, text)
            hyperlink.append(run._r)
            run.font.underline = True
            run.font.color.rgb = RGBColor(0x1A, 0x4F, 0x9C)
        run.bold = bold or None
        run.italic = italic or None
        if code:
            run.font.name = "DejaVu Sans Mono"

    def _finish_runs(self, paragraph, direction: str, style: str) -> None:  # noqa: ANN001
        size = self._style_size(style)
        for r in paragraph._p.iter(qn("w:r")):
            rpr = r.get_or_add_rPr()
            _font_props(rpr, self.font, size, self.lang, direction == "rtl")
            if rpr.find(qn("w:b")) is not None:
                _set(rpr, "w:bCs")
            if rpr.find(qn("w:i")) is not None:
                _set(rpr, "w:iCs")
            if direction == "rtl":
                _set(rpr, "w:rtl")

    def _style_size(self, style: str) -> float:
        if style.startswith("Heading "):
            return HEADING_SIZES.get(int(style.split()[1]), self.size)
        return HEADING_SIZES[0] if style == "Title" else self.size


def _prepare_styles(doc, font: str, size: float, lang: str) -> None:  # noqa: ANN001
    for name in ("Normal", "Title", "Subtitle", "Quote", *(f"Heading {n}" for n in range(1, 7))):
        style = doc.styles[name]
        style_size = (
            size
            if name in ("Normal", "Quote", "Subtitle")
            else HEADING_SIZES.get(int(name.split()[1]) if name.startswith("Heading") else 0, size)
        )
        style.font.size = Pt(style_size)
        _font_props(style.element.get_or_add_rPr(), font, style_size, lang)
        if name.startswith("Heading") or name == "Title":
            _set(style.element.get_or_add_rPr(), "w:bCs")


def _properties(doc, article: Article, tags: list[str], lang: str) -> None:  # noqa: ANN001
    meta = article.json_meta()

    def text(key: str) -> str:
        value = meta.get(key)
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value or "").strip()

    props = doc.core_properties
    props.title = (text("title") or article.title)[:255]
    props.author = text("author")[:255]
    props.subject = text("subtitle")[:255]
    props.keywords = ", ".join(tags)[:255]
    props.category = text("category")[:255]
    props.comments = text("summary")[:255]
    props.content_status = text("status")[:255]
    props.language = lang
    props.identifier = text("slug")[:255]
    props.last_modified_by = "Midad"
    try:
        props.created = dt.datetime.fromisoformat(text("date")[:10]) if text("date") else props.created
    except ValueError:
        pass


def _header(writer: _Writer, article: Article) -> None:
    meta = article.json_meta()
    title = str(meta.get("title") or "").strip()
    labels = {"ar": "بقلم", "en": "By", "fr": "Par"}
    if title:
        writer.paragraph([NavigableString(title)], None, writer.doc, style="Title")
    for key, style in (("subtitle", "Subtitle"),):
        if str(meta.get(key) or "").strip():
            writer.paragraph([NavigableString(str(meta[key]).strip())], None, writer.doc, style=style)
    author = str(meta.get("author") or "").strip()
    if author:
        label = labels.get(writer.lang.split("-")[0], "By")
        writer.paragraph([NavigableString(f"{label} {author}")], None, writer.doc)
    bits = [str(meta.get(k) or "").strip()[: 10 if k == "date" else None] for k in ("location", "date")]
    if any(bits):
        writer.paragraph([NavigableString(" — ".join(b for b in bits if b))], None, writer.doc)


def reference_docx_bytes(
    article: Article,
    base_dir: Path | None = None,
    *,
    font: str = DEFAULT_FONT,
    size: float = DEFAULT_SIZE,
    paper: str = "a4",
    workers: int = 1,
) -> bytes:
    """The .docx file of `article` as bytes (write them atomically); `workers`: `render_body`."""
    rendered = render_article(article, base_dir, workers=workers)
    lang = article_lang(article.meta, rendered.article_dir)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAPERS.get(paper, PAPERS["a4"])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    if rendered.article_dir == "rtl":
        _set(section._sectPr, "w:bidi")
    _prepare_styles(doc, font, size, lang)
    writer = _Writer(doc, rendered.article_dir, font, size, lang)
    _header(writer, article)
    soup = BeautifulSoup(rendered.html, "html.parser")
    writer.blocks(soup)
    _properties(doc, article, page_tags(article, rendered), lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
