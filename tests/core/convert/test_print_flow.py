"""The printed page's HTML → blocks for the PDF's own layout (`print_flow`): every kind of block, its
direction, spans, list markers, tables, images; long text cut in bounded pieces; deep nesting."""

from __future__ import annotations

import time

from editor.core.article.model import Article
from editor.core.convert.print_flow import LINK_COLOR, MAX_LAYOUT_CHARS, Span, cut_text, page_blocks
from editor.core.markdown.page import export_fragment


def page(body: str, direction: str = "rtl") -> str:
    return f'<html><head></head><body dir="{direction}">{body}</body></html>'


def blocks_of(markdown: str):  # noqa: ANN201
    return page_blocks(page(export_fragment(Article.from_text(markdown))), True)


def test_paragraphs_headings_and_their_direction() -> None:
    blocks = blocks_of("# عنوان رئيسي\n\nفقرة عربية **مهمة** جدا.\n\nAn English paragraph.\n")
    assert [(b.kind, b.text, b.rtl) for b in blocks] == [
        ("h1", "عنوان رئيسي", True),
        ("p", "فقرة عربية مهمة جدا.", True),
        ("p", "An English paragraph.", False),
    ]
    bold = blocks[1].spans
    assert len(bold) == 1 and blocks[1].text[bold[0].start : bold[0].start + bold[0].length] == "مهمة"
    assert bold[0].style[0] is True  # bold
    assert blocks[0].before > blocks[1].before  # the preview's spacing: headings have room above


def test_lists_get_markers_numbers_and_indents() -> None:
    blocks = blocks_of("1. أول\n2. ثان\n    - فرعي\n3. ثالث\n\n- نقطة\n")
    assert [(b.kind, b.text, b.marker, b.indent) for b in blocks] == [
        ("li", "أول", "1.", 1),
        ("li", "ثان", "2.", 1),
        ("li", "فرعي", "◦", 2),
        ("li", "ثالث", "3.", 1),
        ("li", "نقطة", "•", 1),
    ]


def test_quotes_code_rules_and_links() -> None:
    blocks = blocks_of(
        "> اقتباس من [المصدر](https://example.com/a)\n\n```\nline 1\n  line 2\n```\n\n---\n\nنهاية\n"
    )
    quote, code, rule, end = blocks
    assert quote.quote == 1 and quote.text == "اقتباس من المصدر"
    (link,) = quote.spans
    assert link.style[3] == "https://example.com/a" and link.style[4] == LINK_COLOR
    assert (
        code.kind == "pre" and code.text == "line 1\u2028  line 2" and not code.rtl
    )  # lines and spaces kept
    assert rule.kind == "hr" and end.text == "نهاية"


def test_tables_rows_cells_and_header() -> None:
    (table,) = blocks_of("| البند | القيمة |\n|---|---|\n| القرار | 1373 |\n| الرقم | 03-73 |\n")
    assert table.kind == "table" and table.rtl
    assert [[c.text for c in row] for row in table.rows] == [
        ["البند", "القيمة"],
        ["القرار", "1373"],
        ["الرقم", "03-73"],
    ]
    assert [c.header for c in table.rows[0]] == [True, True] and not table.rows[1][0].header


def test_a_table_inside_a_cell_gives_its_text_once() -> None:
    html = page("<table><tr><td>أ<table><tr><td>داخل</td></tr></table></td><td>ب</td></tr></table>")
    (table,) = page_blocks(html, True)
    assert len(table.rows) == 1 and [c.text for c in table.rows[0]] == ["أداخل", "ب"]


def test_images_and_header_roles() -> None:
    html = page(
        '<header class="article-meta"><h1>عنوان</h1><p class="dateline">الرباط</p></header>'
        '<p>قبل <img src="pic.png" alt="صورة"> بعد</p><p><img src="https://x.org/a.png" alt="بعيدة"></p>'
    )
    blocks = page_blocks(html, True)
    assert [(b.kind, b.role, b.text or b.src) for b in blocks] == [
        ("h1", "", "عنوان"),
        ("p", "dateline", "الرباط"),
        ("p", "", "قبل  بعد"),
        ("image", "", "pic.png"),
        ("p", "", "بعيدة"),  # a remote image: only its text (the export never loads anything)
    ]


def test_cut_text_keeps_every_character_and_span_in_bounded_pieces() -> None:
    text = " ".join(f"كلمة{i}" for i in range(5000))
    spans = [Span(10, 30, (True, False, False, None, None, False)), Span(9000, 5000, PLAIN_LINK)]
    pieces = cut_text(text, spans, 1000)
    assert "".join(p for p, _ in pieces) == text
    assert max(len(p) for p, _ in pieces) <= 1000 and all(p.endswith(" ") for p, _ in pieces[:-1])
    offset = 0
    rebuilt = []
    for piece, own in pieces:
        rebuilt += [(offset + s.start, s.length, s.style) for s in own]
        assert all(0 <= s.start and s.start + s.length <= len(piece) for s in own)
        offset += len(piece)
    merged: list[list] = []
    for start, length, style in rebuilt:  # pieces of one span, side by side, make the span again
        if merged and merged[-1][2] == style and merged[-1][0] + merged[-1][1] == start:
            merged[-1][1] += length
        else:
            merged.append([start, length, style])
    assert [tuple(m) for m in merged] == [(s.start, s.length, s.style) for s in spans]
    word = "ب" * (3 * MAX_LAYOUT_CHARS + 5)  # no space at all: cut anywhere
    assert [len(p) for p, _ in cut_text(word, [])] == [MAX_LAYOUT_CHARS] * 3 + [5]


PLAIN_LINK = (False, False, False, "https://example.com", LINK_COLOR, False)


def test_deep_nesting_is_walked_without_recursion_errors_in_linear_time() -> None:
    for depth in (1_000, 10_000):
        html = page(
            "<div>" * depth + "نص عميق" + "</div>" * depth + "<ul><li>" * depth + "بند" + "</li></ul>" * depth
        )
        start = time.process_time()
        blocks = page_blocks(html, True)
        assert time.process_time() - start < 5
        assert "نص عميق" in " ".join(b.text for b in blocks) and "بند" in " ".join(b.text for b in blocks)
