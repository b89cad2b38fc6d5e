"""Joining PDFs written by Qt (`pdf_join`): pages in order, one page tree, strict readers accept it;
what it cannot read is refused with ValueError (the caller then makes the PDF in one process)."""

from __future__ import annotations

import io
import unicodedata

import pytest

from editor.core.convert.pdf_join import join_pdfs


def qt_pdf(texts: list[str], title: str) -> bytes:
    from editor.ui.export.pdf import PdfJob, write_pdf

    parts = [f'<html><head><style></style></head><body dir="rtl"><p>{t}</p></body></html>' for t in texts]
    return write_pdf(PdfJob(parts, True, None, "a4", title, ""))


def test_pages_of_every_file_in_order_under_one_page_tree(qapp) -> None:
    from pypdf import PdfReader

    files = [qt_pdf(["بداية (ب) \\ ب", "ثانية"], "العنوان"), qt_pdf(["ثالثة"], "آخر"), qt_pdf(["رابعة"], "x")]
    joined = join_pdfs(files)
    reader = PdfReader(io.BytesIO(joined), strict=True)
    assert len(reader.pages) == 4
    assert reader.metadata.title == "العنوان"  # the first file's document information
    texts = [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]
    for page, word in zip(texts, ["بداية", "ثانية", "ثالثة", "رابعة"], strict=True):
        assert word[::-1] in page or word in page
    tree = reader.trailer["/Root"]["/Pages"]
    assert tree["/Count"] == 4 and all(page["/Parent"] == tree for page in reader.pages)
    assert joined.count(b"/Type /Catalog") == 1


def test_one_file_is_returned_as_it_is(qapp) -> None:
    data = qt_pdf(["نص"], "t")
    assert join_pdfs([data]) is data


@pytest.mark.parametrize(
    "broken",
    [
        b"not a pdf",
        b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n",
        b"%PDF-1.7\nstartxref\n0\n%%EOF",
    ],
)
def test_what_it_cannot_read_is_refused(qapp, broken: bytes) -> None:
    with pytest.raises(ValueError):
        join_pdfs([qt_pdf(["نص"], "t"), broken])


def test_an_object_not_where_the_table_says_is_refused(qapp) -> None:
    data = qt_pdf(["نص"], "t")
    moved = data.replace(b"\n2 0 obj", b"\n 2 0 obj", 1)
    with pytest.raises(ValueError):
        join_pdfs([data, moved])
