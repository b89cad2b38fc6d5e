"""The Word export's fast building blocks (issue 13, 16 MB exports) write python-docx's own XML,
in linear time."""

from __future__ import annotations

import time

from docx import Document
from lxml import etree

from editor.core.article.model import Article
from editor.core.convert.docx_fast import DocxBody, add_run, qn
from editor.core.convert.docx_out import article_docx_bytes

TEXTS = ["نص عربي", " مسافة في البداية", "نهاية بمسافة ", "سطر\nثان", "عمود\tثان", "\r", "x"]
STYLES = [None, "Heading 1", "Heading 3", "List Bullet", "List Number 2", "Quote", "Title"]


def _body_xml(doc) -> bytes:  # noqa: ANN001
    return etree.tostring(doc.element.body)


def test_paragraphs_runs_and_tables_are_python_docx_xml() -> None:
    slow, fast = Document(), Document()
    body = DocxBody(fast)
    for index, style in enumerate(STYLES * 3):
        text = TEXTS[index % len(TEXTS)]
        slow.add_paragraph(style=style).add_run(text)
        add_run(body.add_paragraph(style), text)
        slow_table = slow.add_table(rows=2, cols=3)
        slow_table.style = "Table Grid"
        body.add_table(2, 3, "Table Grid")
    assert _body_xml(fast) == _body_xml(slow)
    assert fast.element.body[-1].tag == qn("w:sectPr")  # the section properties stay last


def test_qn_is_python_docx_qn() -> None:
    from docx.oxml.ns import qn as docx_qn

    for tag in ("w:p", "w:rPr", "r:id", "xml:space"):
        assert qn(tag) == docx_qn(tag)


def test_a_long_article_exports_to_word_in_linear_time() -> None:
    paragraphs = "\n\n".join(
        f"فقرة رقم {i} عن [الرابط](https://example.com/{i % 50}) و**الأمن**" for i in range(300)
    )
    small = Article.from_text(paragraphs)
    large = Article.from_text("\n\n".join([paragraphs] * 8))
    start = time.perf_counter()
    article_docx_bytes(small)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    article_docx_bytes(large)
    large_time = time.perf_counter() - start
    assert large_time < 8 * small_time * 2.5 + 0.5  # 8 times the text: about 8 times the time, not 64
