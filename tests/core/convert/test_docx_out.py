"""Word export: RTL paragraphs (w:bidi, right alignment, w:rtl runs, complex-script font and size)
with exactly the article's text, headings, lists, links, tables and the metadata as properties."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from editor.core.article.model import Article
from editor.core.convert.docx_out import article_docx_bytes
from editor.core.convert.webtext import web_text_to_article
from editor.core.markdown.page import export_text

MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))

RICH = """---
title: لقاء أمني في الرباط
subtitle: تعاون استخباراتي
author: سلمى
date: 2024-05-12
location: الرباط، المغرب
category: أمن
summary: ملخص قصير
tags: [أمن, المغرب]
lang: ar
---

## خلفية اللقاء

فقرة فيها **كلمة عريضة** و*مائلة* و[رابط](https://example.com/news) والقانون رقم 03-73.

- البند الأول
- البند الثاني

1. أولا
2. ثانيا

> اقتباس من البلاغ

| البلد | العدد |
| --- | --- |
| المغرب | 1373 |

An English paragraph stays left to right.
"""


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(document) -> list[str]:  # noqa: ANN001
    return [p.text.translate(MARKS) for p in document.paragraphs if p.text.strip()]


def is_bidi(paragraph) -> bool:  # noqa: ANN001
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("w:bidi")) is not None


def test_seed_article_paragraphs_are_rtl_with_exactly_its_text(seed_text: str) -> None:
    article, _ = web_text_to_article(seed_text)
    document = open_docx(article_docx_bytes(article))
    body_blocks = export_text(article).split("\n\n")[1:]  # the title, then the body's blocks
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == article.meta["title"]
    body = paragraphs[-len(body_blocks) :]
    assert [p.text.translate(MARKS) for p in body] == [b.strip() for b in body_blocks]
    for paragraph in paragraphs:
        assert is_bidi(paragraph) and paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        for run in paragraph.runs:
            rpr = run._r.rPr
            assert rpr.find(qn("w:rtl")) is not None
            assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == "Noto Naskh Arabic"
            assert rpr.find(qn("w:szCs")) is not None
    # every character of the body is in the document, in order
    assert "".join(p.text for p in body).translate(MARKS) == "".join(b.strip() for b in body_blocks)


def test_structure_links_tables_and_properties() -> None:
    article = Article.from_text(RICH)
    data = article_docx_bytes(article, paper="letter", font="Amiri", size=16)
    document = open_docx(data)
    styles = {p.text.translate(MARKS): p.style.name for p in document.paragraphs}
    assert styles["لقاء أمني في الرباط"] == "Title" and styles["تعاون استخباراتي"] == "Subtitle"
    assert styles["بقلم سلمى"] == "Normal" and styles["الرباط، المغرب — 2024-05-12"] == "Normal"
    assert styles["خلفية اللقاء"] == "Heading 2"
    assert styles["البند الأول"] == "List Bullet" and styles["أولا"] == "List Number"
    assert styles["اقتباس من البلاغ"] == "Quote"
    paragraph = next(p for p in document.paragraphs if p.text.startswith("فقرة"))
    assert paragraph.text.translate(MARKS) == "فقرة فيها كلمة عريضة ومائلة ورابط والقانون رقم 03-73."
    bold = [r.text for r in paragraph.runs if r.bold]
    italic = [r.text for r in paragraph.runs if r.italic]
    assert bold == ["كلمة عريضة"] and italic == ["مائلة"]
    for r in paragraph._p.iter(qn("w:r")):
        if r.find(qn("w:rPr")).find(qn("w:b")) is not None:
            assert r.find(qn("w:rPr")).find(qn("w:bCs")) is not None
    links = paragraph._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    assert document.part.rels[links[0].get(qn("r:id"))].target_ref == "https://example.com/news"
    english = next(p for p in document.paragraphs if p.text.startswith("An English"))
    assert not is_bidi(english)
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["البلد", "العدد"], ["المغرب", "1373"]]
    assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    props = document.core_properties
    assert (props.title, props.author, props.subject) == ("لقاء أمني في الرباط", "سلمى", "تعاون استخباراتي")
    assert (props.keywords, props.category, props.comments) == ("أمن, المغرب", "أمن", "ملخص قصير")
    assert props.language == "ar" and props.created.date().isoformat() == "2024-05-12"
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.6  # Letter
    assert section._sectPr.find(qn("w:bidi")) is not None
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:rFonts")).get(qn("w:cs")) == "Amiri"
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert normal.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_run_and_paragraph_properties_are_in_schema_order(part: str) -> None:
    # Word refuses a file whose properties are out of order: check the ones Midad writes
    order_r = ["rFonts", "b", "bCs", "i", "iCs", "color", "sz", "szCs", "u", "rtl", "lang"]
    order_p = ["pStyle", "pBdr", "bidi", "jc"]
    data = article_docx_bytes(Article.from_text(RICH))
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    from lxml import etree

    root = etree.fromstring(xml)
    for tag, order in (("rPr", order_r), ("pPr", order_p)):
        for element in root.iter(qn(f"w:{tag}")):
            names = [etree.QName(child).localname for child in element]
            known = [n for n in names if n in order]
            assert known == sorted(known, key=order.index), names
