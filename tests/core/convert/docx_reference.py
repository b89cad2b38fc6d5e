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
from docx.shared import Cm, RGBColor

from editor.core.article.model import Article
from editor.core.convert.docx_fast import DocxBody, add_run, qn
from editor.core.convert.docx_out import (  # the parts the XML writer kept unchanged
    DEFAULT_FONT,
    DEFAULT_SIZE,
    PAPERS,
    _font_props,
    _prepare_styles,
    _set,
)
from editor.core.markdown.page import page_tags, render_article
from editor.core.text.direction import article_lang, text_direction

HEADING_SIZES = {0: 24, 1: 20, 2: 17, 3: 15, 4: 14, 5: 14, 6: 14}
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
