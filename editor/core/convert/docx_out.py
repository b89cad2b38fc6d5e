"""An article → a Word (.docx) file that shows Arabic right in Word and LibreOffice.

The body comes from the renderer (`render_article`): the same blocks, the same paragraph
directions, the same hashtags and number-run marks as the HTML export. Each block becomes a Word
paragraph; an RTL one gets `w:bidi` and right alignment, its runs `w:rtl`. The complex-script
font and size (`w:rFonts w:cs`, `w:szCs`, `w:bCs`, `w:iCs`) are set on the styles and the runs,
so Word uses the chosen Arabic font; the language is marked `w:lang w:bidi`. Headings use Word's
`Heading N` styles, lists `List Bullet`/`List Number`, quotes `Quote`, tables `Table Grid`
(`w:bidiVisual` for an RTL table), links are real hyperlinks. The metadata header (title,
subtitle, byline, dateline) opens the document and the front matter fills the document
properties (title, author, subject, keywords, category, comments, status, language, created).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile
from functools import partial
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from editor.core.article.model import Article
from editor.core.convert.docx_fast import DocxBody, qn
from editor.core.convert.docx_xml import (
    BIDI_LANG,
    HEADING_SIZES,
    LINK_MARK,
    NOT_XML_RE,
    BodyXml,
    Settings,
    XmlWriter,
    body_xml,
)
from editor.core.markdown.page import page_tags, render_article
from editor.core.text.direction import article_direction, article_lang

DEFAULT_FONT = "Noto Naskh Arabic"
DEFAULT_SIZE = 14  # points, body text
PAPERS = {"a4": (Cm(21.0), Cm(29.7)), "letter": (Cm(21.59), Cm(27.94))}


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
    bidi_lang = BIDI_LANG.get(lang.split("-")[0].lower())
    if bidi_lang:
        _set(rpr, "w:lang", bidi=bidi_lang)


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
        value = ", ".join(map(str, value)) if isinstance(value, list) else str(value or "").strip()
        return NOT_XML_RE.sub("", value)  # control characters: XML (and Word) cannot hold them

    props = doc.core_properties
    props.title = (text("title") or NOT_XML_RE.sub("", article.title))[:255]
    props.author = text("author")[:255]
    props.subject = text("subtitle")[:255]
    props.keywords = NOT_XML_RE.sub("", ", ".join(tags))[:255]
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


def _header_nodes(article: Article, lang: str) -> list[tuple[str, str | None]]:
    """The metadata header's paragraphs: (text, style)."""
    meta = article.json_meta()
    title = str(meta.get("title") or "").strip()
    labels = {"ar": "بقلم", "en": "By", "fr": "Par"}
    out: list[tuple[str, str | None]] = []
    if title:
        out.append((title, "Title"))
    if str(meta.get("subtitle") or "").strip():
        out.append((str(meta["subtitle"]).strip(), "Subtitle"))
    author = str(meta.get("author") or "").strip()
    if author:
        out.append((f"{labels.get(lang.split('-')[0], 'By')} {author}", None))
    bits = [str(meta.get(k) or "").strip()[: 10 if k == "date" else None] for k in ("location", "date")]
    if any(bits):
        out.append((" — ".join(b for b in bits if b), None))
    return out


def article_docx_bytes(
    article: Article,
    base_dir: Path | None = None,
    *,
    font: str = DEFAULT_FONT,
    size: float = DEFAULT_SIZE,
    paper: str = "a4",
    workers: int = 1,
) -> bytes:
    """The .docx file of `article` as bytes (write them atomically).

    python-docx builds the package (styles, section, properties); the body is written as XML text
    by `docx_xml` (in the render's worker processes when `workers` > 1) and put in its place.
    """
    direction = article_direction(article.meta, article.body)
    lang = article_lang(article.meta, direction)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAPERS.get(paper, PAPERS["a4"])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    if direction == "rtl":
        _set(section._sectPr, "w:bidi")
    _prepare_styles(doc, font, size, lang)
    body = DocxBody(doc)
    kinds = body.kinds
    names = ["Title", "Subtitle", "Quote", "Normal", *(f"Heading {n}" for n in range(1, 10))]
    names += [f"{kind}{level}" for kind in ("List Bullet", "List Number") for level in ("", " 2", " 3")]
    style_ids = {name: body.style_id(name, kinds.PARAGRAPH) for name in names}
    style_ids["Table Grid"] = body.style_id("Table Grid", kinds.TABLE)
    settings = Settings(direction, font, size, lang, style_ids, block_width_emu=int(body.width))
    header = XmlWriter(settings)
    for text, style in _header_nodes(article, lang):
        header.paragraph([text], None, style=style)
    rendered = render_article(article, base_dir, workers=workers, finish=partial(body_xml, settings=settings))
    parts = rendered.finished if rendered.finished is not None else [body_xml(rendered.html, settings)]
    xml = _link_ids(doc, [BodyXml("".join(header.out), list(header.links)), *parts])
    _properties(doc, article, page_tags(article, rendered), lang)
    marker = f"MIDAD-BODY-{uuid.uuid4().hex}"
    doc.add_paragraph(marker)
    out = io.BytesIO()
    doc.save(out)
    return _put_body(out.getvalue(), f"<w:p><w:r><w:t>{marker}</w:t></w:r></w:p>", xml)


_LINK_RE = re.compile(f"{LINK_MARK}([0-9]+){LINK_MARK}")


def _link_ids(doc, parts: list[BodyXml]) -> str:  # noqa: ANN001
    """The parts' XML joined, each hyperlink placeholder replaced by its relationship id (one per
    target, numbered as python-docx numbers them: the first free `rIdN`)."""
    rels = doc.part.rels
    ids: dict[str, str] = {}
    number = 0
    pieces = []
    for part in parts:
        local = []
        for target in part.links:
            if target not in ids:
                number += 1
                while f"rId{number}" in rels:
                    number += 1
                ids[target] = f"rId{number}"
                rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, target, ids[target], is_external=True)
            local.append(ids[target])
        pieces.append(
            _LINK_RE.sub(lambda m, local=local: local[int(m.group(1))], part.xml) if local else part.xml
        )
    return "".join(pieces)


def _put_body(package: bytes, marker: str, xml: str) -> bytes:
    """`package` (a .docx) with the marker paragraph of its document replaced by `xml`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                if text.count(marker) != 1:
                    raise ValueError("the Word body's place was not found")
                data = text.replace(marker, xml).encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
