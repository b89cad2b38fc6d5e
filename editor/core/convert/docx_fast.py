"""Fast building blocks for the Word export (`docx_out`): the same XML as python-docx, in linear time.

python-docx inserts every new paragraph or table before the body's `w:sectPr`, which it finds by
scanning all the body's children (a 100,000-paragraph article cost minutes), looks a style up by
comparing every style of the document at each assignment, reads a run's text one character at a
time, and converts `w:p`-style names on every call. `DocxBody` and `add_run` do the same work once
(`tests/core/convert/test_docx_fast.py` checks the XML is byte for byte what python-docx writes).
"""

from __future__ import annotations

import functools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn as _docx_qn


@functools.cache
def qn(tag: str) -> str:
    """python-docx's `qn` (`w:p` to its Clark name), remembered: it is asked millions of times."""
    return _docx_qn(tag)


def add_run(paragraph, text: str):  # noqa: ANN001, ANN202
    """`paragraph.add_run(text)`: python-docx reads the text one character at a time (for tabs and
    line breaks); a text without them becomes its single `w:t` directly, the same XML."""
    if not text or "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    from docx.text.run import Run

    r = paragraph._p.add_r()
    r.add_t(text)
    return Run(r, paragraph)


class DocxBody:
    """Appends paragraphs and tables to the document's body in constant time.

    python-docx inserts every new block before the body's `w:sectPr`, which it finds by scanning
    the body's children (100,000 paragraphs cost minutes), and looks a style name up by comparing
    every style of the document at each assignment. Here the section properties element is found
    once and each style once. The XML written is the same.
    """

    def __init__(self, doc) -> None:  # noqa: ANN001
        from docx.enum.style import WD_STYLE_TYPE

        self.doc = doc
        self.body = doc._body
        self.element = doc.element.body
        self.sect_pr = self.element.find(qn("w:sectPr"))
        self.width = doc._block_width
        self.kinds = WD_STYLE_TYPE
        self._style_ids: dict[tuple[str, object], str | None] = {}

    def style_id(self, name: str, kind) -> str | None:  # noqa: ANN001
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self.doc.part.get_style_id(name, kind)
        return self._style_ids[key]

    def _place(self, element) -> None:  # noqa: ANN001
        if self.sect_pr is not None and self.sect_pr.getparent() is self.element:
            self.sect_pr.addprevious(element)
        else:
            self.element.append(element)

    def add_paragraph(self, style: str | None = None):  # noqa: ANN201
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        self._place(p)
        if style is not None:
            p.style = self.style_id(style, self.kinds.PARAGRAPH)
        return Paragraph(p, self.body)

    def add_table(self, rows: int, cols: int, style: str):  # noqa: ANN201
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        tbl = CT_Tbl.new_tbl(rows, cols, self.width)
        self._place(tbl)
        tbl.tblStyle_val = self.style_id(style, self.kinds.TABLE)
        return Table(tbl, self.body)
