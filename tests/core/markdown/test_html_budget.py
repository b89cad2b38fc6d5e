"""The depth and size budget before Qt's `setHtml` (issue 14, cases 3 and 5)."""

from __future__ import annotations

import time

from editor.core.article.model import Article
from editor.core.markdown.html_budget import MAX_QT_DEPTH, MAX_QT_TABLE_DEPTH, limit_html
from editor.core.markdown.page import export_html, preview_html


def _depth(html: str, tag: str) -> int:
    depth = deepest = 0
    for piece in html.split("<")[1:]:
        if piece.startswith(tag):
            depth += 1
            deepest = max(deepest, depth)
        elif piece.startswith("/" + tag):
            depth -= 1
    return deepest


def test_depth_at_the_limit_is_untouched() -> None:
    html = "<div>" * MAX_QT_DEPTH + "x" + "</div>" * MAX_QT_DEPTH
    assert limit_html(html).html == html and not limit_html(html).notices


def test_far_beyond_the_depth_limit_is_flattened_linear_and_says_so() -> None:
    html = "<ul><li>" * 10_000 + "نص" + "</li></ul>" * 10_000
    start = time.perf_counter()
    limited = limit_html(html)
    assert time.perf_counter() - start < 2
    assert _depth(limited.html, "ul") + _depth(limited.html, "li") <= MAX_QT_DEPTH
    assert "نص" in limited.html and limited.html.count("<") == limited.html.count(">")
    assert limited.notices and "flattened" in limited.notices[0]


def test_tables_have_their_own_depth() -> None:
    at_limit = "<table><tr><td>" * MAX_QT_TABLE_DEPTH + "x" + "</td></tr></table>" * MAX_QT_TABLE_DEPTH
    assert limit_html(at_limit).html == at_limit
    beyond = "<table><tr><td>" * 3000 + "x" + "</td></tr></table>" * 3000
    limited = limit_html(beyond)
    assert _depth(limited.html, "table") == MAX_QT_TABLE_DEPTH
    assert _depth(limited.html, "td") == MAX_QT_TABLE_DEPTH  # no stray cells outside a table


def test_unclosed_and_stray_tags_are_balanced() -> None:
    limited = limit_html("<div>" * 100 + "x" + "</span></p>", max_depth=10)
    assert limited.html.count("<div>") == limited.html.count("</div>") == 10


def test_size_budget_cuts_at_a_block_and_says_so() -> None:
    html = "<p>كلمة</p>\n" * 1000
    limited = limit_html(html, max_chars=500)
    assert limited.html.endswith("</p>") and 500 <= len(limited.html) < 700
    assert "first 500 characters" in limited.notices[0]
    one_block = "<p>" + "ب" * 5000 + "</p>"
    limited = limit_html(one_block, max_chars=1000)
    assert len(limited.html) < 1400 and limited.html.endswith("</p>")


def test_the_preview_shows_the_notices_and_the_export_keeps_everything() -> None:
    body = "<div>" * 200 + "نص عميق" + "</div>" * 200 + "\n\n" + ">" * 40 + " اقتباس\n"
    article = Article.from_text(body)
    preview = preview_html(article)
    assert 'class="midad-notice"' in preview
    assert "flattened" in preview and "nested deeper than 20 levels" in preview
    assert export_html(article).count("<div") >= 200  # browsers cope: the export keeps the structure


def test_a_huge_word_gets_break_opportunities_but_attributes_do_not() -> None:
    limited = limit_html("<p>" + "ب" * 100_000 + "</p>")
    assert limited.html.count("\u200b") == 250
    link = '<p><a href="' + "a" * 5000 + '">x</a> كلمة</p>'
    assert limit_html(link).html == link


def _paragraph_texts(html: str) -> list[str]:
    import re

    return [re.sub(r"<[^>]*>", "", p) for p in re.findall(r"<p\b[^>]*>(.*?)</p>", html, re.DOTALL)]


def test_a_paragraph_at_the_block_limit_is_whole_and_a_longer_one_is_shown_in_parts() -> None:
    from editor.core.markdown.html_budget import MAX_QT_BLOCK_CHARS

    words = ("كلمة " * (MAX_QT_BLOCK_CHARS // 5))[: MAX_QT_BLOCK_CHARS - 1] + "x"
    assert len(words) == MAX_QT_BLOCK_CHARS
    at_limit = limit_html(f'<p dir="rtl">{words}</p>')
    assert at_limit.html == f'<p dir="rtl">{words}</p>' and at_limit.notices == []
    long_text = "كلمة عربية " * 20_000  # 220,000 characters in one paragraph (Qt: ~0.5 s of layout)
    start = time.perf_counter()
    limited = limit_html(f'<p dir="rtl"><strong>{long_text}</strong></p>')
    assert time.perf_counter() - start < 1.0
    parts = _paragraph_texts(limited.html)
    assert len(parts) >= 22 and all(len(p) <= MAX_QT_BLOCK_CHARS for p in parts)
    assert "".join(parts) == long_text  # split at spaces, nothing lost or added
    assert limited.html.count('<p dir="rtl"><strong>') == len(parts)  # attributes and inline tags reopened
    assert any("shown in parts" in notice for notice in limited.notices)


def test_block_parts_never_cut_an_entity_nor_split_a_list_item_or_a_cell() -> None:
    import html as html_module

    entities = "&amp;&lt;" * 6000  # no space at all: the cut moves back to the start of an entity
    limited = limit_html(f"<p>{entities}</p>")
    parts = _paragraph_texts(limited.html)
    assert len(parts) > 1 and all(part.endswith(";") for part in parts)
    # the zero-width breaks of a long run (every 400 characters) fall between entities too
    assert "&\u200b" not in limited.html and "\u200b;" not in limited.html
    assert html_module.unescape("".join(parts)).replace("\u200b", "") == "&<" * 6000
    long_text = "نص " * 5_000  # over the paragraph limit, under the cell limit
    for wrapped in (f"<ul><li>{long_text}</li></ul>", f"<table><tr><td>{long_text}</td></tr></table>"):
        assert limit_html(wrapped).html == wrapped  # a new bullet or cell would change the structure


def test_the_preview_splits_a_huge_paragraph_and_the_exports_keep_it() -> None:
    article = Article.from_text(
        "سطر عربي\n" * 20_000
    )  # one paragraph of 180,000 characters (cf. CR-only files)
    assert "shown in parts" in preview_html(article, None)
    page = export_html(article, None)
    assert "shown in parts" not in page and page.count("<p") < 5


def test_a_list_item_or_cell_at_the_cell_limit_is_whole_and_a_longer_one_is_cut_in_the_preview_only() -> None:
    from editor.core.markdown.html_budget import MAX_QT_CELL_CHARS

    words = ("كلمة " * (MAX_QT_CELL_CHARS // 5))[: MAX_QT_CELL_CHARS - 1] + "x"
    for wrapped in (f"<ul><li>{words}</li></ul>", f"<table><tr><td>{words}</td></tr></table>"):
        assert limit_html(wrapped).html == wrapped and limit_html(wrapped).notices == []
    long_text = "كلمة " * 80_000  # 400,000 characters in one list item: 1.1 s of Qt layout
    start = time.perf_counter()
    limited = limit_html(
        f"<ul><li><strong>{long_text}</strong><ul><li>بند داخلي</li></ul></li></ul><p>بعد</p>"
    )
    assert time.perf_counter() - start < 1.0
    shown = limited.html
    assert len(shown) < MAX_QT_CELL_CHARS + 200 and " …</strong>" in shown
    assert "<li>بند داخلي</li>" in shown and shown.endswith("<p>بعد</p>")  # only that item's text is cut
    assert any("shown cut in the preview" in notice for notice in limited.notices)
    cell = limit_html(f"<table><tr><td>{long_text}</td><td>خلية ثانية</td></tr></table>").html
    assert len(cell) < MAX_QT_CELL_CHARS + 200 and "<td>خلية ثانية</td>" in cell


def test_the_exports_and_the_pdf_keep_a_huge_list_item_whole() -> None:
    article = Article.from_text("- " + "كلمة " * 80_000 + "آخر\n")
    assert "shown cut in the preview" in preview_html(article)
    assert "آخر" in export_html(article) and "آخر" in preview_html(article, whole=True)


def test_a_reopened_tag_leaves_its_id_and_data_attributes_out() -> None:
    """A 1,000,000-letter hashtag's paragraph was reopened in 200 parts, each with the whole `data-tag`
    (200 MB of HTML for the PDF of a 2 MB article); an `id` would also be given twice."""
    from editor.core.markdown.html_budget import MAX_QT_BLOCK_CHARS

    tag = "ب" * (15 * MAX_QT_BLOCK_CHARS)
    fragment = f'<h2 id="x" dir="rtl"><span class="hashtag" data-tag="{tag}">#{tag}</span></h2>'
    limited = limit_html(fragment).html
    assert limited.count("<h2") >= 15 and limited.count('id="x"') == 1
    assert limited.count(f'data-tag="{tag}"') == 1 and limited.count('<span class="hashtag"') >= 15
    assert limited.count('dir="rtl"') >= 15  # the other attributes are kept
    assert len(limited) < 3 * len(fragment)
    assert limited.replace("\u200b", "").count("ب") == 2 * len(tag)
