"""Long lists, big containers, huge tables and many anchors bounded for Qt (`qt_structure`, issue 14)."""

from __future__ import annotations

import re
import time

from editor.core.article.model import Article
from editor.core.markdown.page import export_html, export_text, preview_html
from editor.core.markdown.qt_structure import (
    MAX_QT_ANCHORS,
    MAX_QT_LIST_ITEMS,
    MAX_QT_NESTED_LIST_ITEMS,
    MAX_QT_PART_CHARS,
    MAX_QT_TABLE_CELLS,
    limit_structure,
)


def _items(n: int, start: int = 0) -> str:
    return "".join(f'<li dir="rtl">بند {i}</li>' for i in range(start, start + n))


def _texts(html: str) -> list[str]:
    return re.findall(r"بند \d+", html)


def test_a_list_at_the_limit_is_untouched() -> None:
    html = f'<ul dir="rtl">{_items(MAX_QT_LIST_ITEMS)}</ul>'
    assert limit_structure(html).html == html and limit_structure(html).notices == []


def test_a_long_top_level_list_goes_on_in_parts_with_nothing_lost() -> None:
    html = f'<ol dir="rtl" start="3">{_items(MAX_QT_LIST_ITEMS * 2 + 1)}</ol>'
    done = limit_structure(html)
    assert done.notices == [] and _texts(done.html) == _texts(html)
    starts = re.findall(r"<ol\b[^>]*>", done.html)
    assert len(starts) == 3 and done.html.count("</ol>") == 3
    # the numbers go on, and no margin where the parts meet
    assert [re.search(r'start="(\d+)"', s).group(1) for s in starts] == [
        "3",
        str(3 + MAX_QT_LIST_ITEMS),
        str(3 + 2 * MAX_QT_LIST_ITEMS),
    ]
    assert "margin-bottom:0px" in starts[0] and "margin-top:0px" not in starts[0]
    assert "margin-top:0px" in starts[1] and "margin-bottom:0px" in starts[1]
    assert "margin-top:0px" in starts[2] and "margin-bottom:0px" not in starts[2]


def test_the_toc_and_the_footnotes_div_go_on_in_parts() -> None:
    toc = f'<div class="toc" dir="rtl"><ul dir="rtl">{_items(MAX_QT_LIST_ITEMS + 10)}</ul></div><p>بعد</p>'
    done = limit_structure(toc).html
    assert done.count('<div class="toc"') == 2 and done.count("</div>") == 2
    assert _texts(done) == _texts(toc) and done.endswith("<p>بعد</p>")
    notes = f'<div class="footnote" dir="rtl">\n<hr dir="rtl">\n<ol dir="rtl">\n{_items(MAX_QT_LIST_ITEMS + 1)}</ol>\n</div>'
    done = limit_structure(notes).html
    assert done.count("<hr") == 1 and done.count('<div class="footnote"') == 2
    assert f'start="{MAX_QT_LIST_ITEMS + 1}"' in done


def test_a_long_quote_goes_on_in_parts_between_paragraphs() -> None:
    paragraph = "<p>" + "كلمة " * 200 + "</p>"  # 1,007 characters
    count = 2 * MAX_QT_PART_CHARS // len(paragraph) + 3
    html = "<blockquote>" + paragraph * count + "</blockquote>"
    done = limit_structure(html).html
    assert done.count("<blockquote") == 3 and done.count("<p>") == count
    assert "<p>كلمة" not in done.replace("<p>" + "كلمة " * 200 + "</p>", "")  # never inside a paragraph


def test_no_part_ends_where_qt_would_join_or_leave_an_empty_block() -> None:
    # after text directly in the quote, a line break, an image, a code block, a table, an empty paragraph
    # Qt would not start a new block (or would reuse an empty one): no part ends there
    big = "<p>" + "كلمة " * (MAX_QT_PART_CHARS // 8) + "</p>"
    unsafe = (
        "نص",
        "<p>نص<br></p>",
        '<p><img src="a.png"></p>',
        "<pre>x\n</pre>",
        "<table><tr><td>x</td></tr></table>",
        "<p></p>",
    )
    for last in unsafe:
        done = limit_structure("<blockquote>" + (big + last) * 4 + "</blockquote>").html
        assert done.count(last + "</blockquote>") == 1, last  # only the quote's own end
        assert done.count("<blockquote") > 1 or last == "نص"  # parts end after the paragraphs instead


def test_a_long_nested_list_is_cut_with_a_notice_in_its_place_and_the_exports_keep_it() -> None:
    inner = f"<ul>{_items(MAX_QT_NESTED_LIST_ITEMS + 50)}</ul>"
    html = f"<ul><li>أ{inner}</li><li>ب</li></ul><p>بعد</p>"
    done = limit_structure(html)
    assert _texts(done.html) == _texts(html)[:MAX_QT_NESTED_LIST_ITEMS]
    assert "50 more items are in the exports" in done.html and "<li>ب</li>" in done.html
    assert done.html.count("<ul>") == done.html.count("</ul>") == 2 and done.html.endswith("<p>بعد</p>")
    whole = limit_structure(html, cut=False)  # PDF and print: every item
    assert _texts(whole.html) == _texts(html) and "midad-notice" not in whole.html
    at_limit = f"<ul><li>أ<ul>{_items(MAX_QT_NESTED_LIST_ITEMS)}</ul></li></ul>"
    assert limit_structure(at_limit).html == at_limit


def _table(rows: int, cols: int = 10) -> str:
    head = "<thead><tr>" + "".join(f"<th>ع{c}</th>" for c in range(cols)) + "</tr></thead>"
    body = "".join("<tr>" + "".join(f"<td>خ{r}-{c}</td>" for c in range(cols)) + "</tr>" for r in range(rows))
    return f'<table dir="rtl">{head}<tbody>{body}</tbody></table>'


def test_a_table_at_the_cell_limit_is_whole_and_a_huge_one_is_cut_at_a_row_with_a_notice() -> None:
    cols = 10
    at_limit = _table(MAX_QT_TABLE_CELLS // cols - 1, cols)  # with its head row: exactly the limit
    assert limit_structure(at_limit).html == at_limit
    huge = _table(5000, cols) + "<p>بعد</p>"
    start = time.perf_counter()
    done = limit_structure(huge)
    assert time.perf_counter() - start < 1.0
    shown_rows = done.html.count("<tr>")
    assert shown_rows == MAX_QT_TABLE_CELLS // cols
    assert f"{5001 - shown_rows:,} more rows are in the exports" in done.html
    assert done.html.count("<td>") == (shown_rows - 1) * cols  # whole rows only
    assert re.search(r"</tbody></table><p class=\"midad-notice\"[^>]*>[^<]*</p><p>بعد</p>$", done.html)
    assert limit_structure(huge, cut=False).html == huge


def test_many_anchors_keep_the_first_ones() -> None:
    html = "".join(
        f'<h2 id="h{i}">عنوان {i}</h2><p><a href="#h{i}" name="n{i}">x</a></p>'
        for i in range(MAX_QT_ANCHORS // 2)
    )
    assert limit_structure(html).html == html
    more = html + '<h2 id="late">آخر</h2>'
    done = limit_structure(more)
    assert (
        "<h2>آخر</h2>" in done.html
        and done.html.count(' id="') + done.html.count(' name="') == MAX_QT_ANCHORS
    )
    assert 'href="#h1"' in done.html and "do not jump" in done.notices[0]
    assert limit_structure(more, cut=False).html == more


def test_hostile_pages_are_linear_and_keep_their_text() -> None:
    article = Article.from_text("[TOC]\n\n" + "".join(f"## ع{i}\n\nنص\n\n" for i in range(3000)))
    start = time.perf_counter()
    page = preview_html(article)
    assert time.perf_counter() - start < 20  # the render of 3,000 headings; the budget's part is linear
    body = page[page.index('<div class="toc"') :]
    assert body.count('<div class="toc"') >= 3000 // MAX_QT_LIST_ITEMS and "ع2999</h2>" in body
    assert body.count(' id="') <= MAX_QT_ANCHORS
    assert "do not jump" in page
    assert "do not jump" not in export_html(article) and export_html(article).count(' id="') >= 3000


def test_the_exports_never_cut_a_table() -> None:
    rows = "\n".join(f"| {r} | خلية {r} |" for r in range(2000))
    article = Article.from_text(f"| رقم | نص |\n|---|---|\n{rows}\n")
    assert "more rows are in the exports" in preview_html(article)
    assert "خلية 1999" in export_html(article) and "خلية 1999" in export_text(article)
    assert "خلية 1999" in preview_html(article, whole=True)  # PDF and print
