"""The printed page cut into parts between top-level blocks (pure Python): what each part holds."""

from __future__ import annotations

import re

from editor.ui.export.print_parts import block_cuts, split_page, split_print_html

HEAD = '<html dir="rtl"><head><style>p { margin: 0; }</style></head><body dir="rtl">'


def page(body: str) -> str:
    return HEAD + body + "</body></html>"


def test_a_short_page_is_one_part() -> None:
    html = page("<p>نص</p>\n")
    assert split_print_html(html, 1000) == [html]


def test_parts_are_whole_pages_of_whole_blocks_in_order() -> None:
    blocks = [f'<p dir="rtl">فقرة {i} <span class="hashtag">#وسم</span></p>' for i in range(200)]
    blocks[50] = "<ul>\n<li>بند أول</li>\n<li>بند <b>ثان</b><br>\nسطر</li>\n</ul>"
    blocks[90] = "<table>\n<tr>\n<td>1373</td>\n<td>03-73</td>\n</tr>\n</table>"
    blocks[120] = '<p><img alt="a > b < c" src="x.png">\n<a title="</p>\n<p>" href="#">رابط</a></p>'
    body = "\n".join(blocks) + "\n"
    parts = split_print_html(page(body), 600)
    assert len(parts) > 5
    inner = []
    for part in parts:
        head, content, tail = split_page(part)
        assert head == HEAD and tail == "</body></html>"
        assert content.startswith("<") and not content.startswith("</")  # a block opens every part
        inner.append(content)
    assert "".join(inner) == body  # every block once, in order
    for content in inner:  # nothing is cut inside a block: each part's tags close what they open
        assert content.count("<ul>") == content.count("</ul>")
        assert content.count("<table>") == content.count("</table>")
        assert content.count("<li>") == content.count("</li>")
    assert any(blocks[120] in content for content in inner)  # `</p>` in an attribute is no block end


def test_a_part_is_about_the_size_asked() -> None:
    body = "".join(f"<p>{'ن' * 90} {i}</p>\n" for i in range(1000))
    parts = split_print_html(page(body), 5_000)
    sizes = [len(split_page(part)[1]) for part in parts]
    assert all(5_000 <= size < 5_000 + 200 for size in sizes[:-1]) and sizes[-1] <= 5_200


def test_a_single_huge_block_stays_whole() -> None:
    body = "<table>\n" + "".join(f"<tr>\n<td>{i}</td>\n</tr>\n" for i in range(2000)) + "</table>\n"
    assert split_print_html(page(body), 1000) == [page(body)]


def test_tags_that_do_not_nest_keep_the_page_whole() -> None:
    assert block_cuts("<p>a</p>\n</div>\n<p>b</p>\n", 1) == []
    assert block_cuts("<div>\n<p>a</p>\n<p>b</p>\n", 1) == []
    html = page("<p>a</p>\n</div>\n" * 100)
    assert split_print_html(html, 50) == [html]


def test_comments_and_self_closed_tags_do_not_count_as_open_blocks() -> None:
    body = "<!-- <div> -->\n<p>a<br/></p>\n<hr>\n<p>b</p>\n<p>c</p>\n"
    assert block_cuts(body, 1) == [m.end() for m in re.finditer("\n", body)][:-1]


def test_scanning_is_linear_on_hostile_html() -> None:
    import time

    body = "<p>" + "&lt;" * 200_000 + "</p>\n" + '<p title="' + "x" * 200_000 + '">y</p>\n'
    start = time.perf_counter()
    split_print_html(page(body * 5), 1000)
    assert time.perf_counter() - start < 2


def test_blocks_without_a_line_end_between_them_are_cut_too() -> None:
    # a paragraph over 10,000 characters is printed as paragraphs one after the other on one line
    body = "".join(f'<p dir="rtl"><b>{"ن" * 500} {i}</b></p>' for i in range(100)) + "\n"
    parts = split_print_html(page(body), 5_000)
    inner = [split_page(part)[1] for part in parts]
    assert len(parts) >= 9 and "".join(inner) == body
    assert all(content.startswith('<p dir="rtl"><b>') for content in inner)


def test_a_long_table_is_printed_in_pieces_with_its_header_each_time() -> None:
    from editor.ui.export.print_parts import split_long_tables

    head = '<thead dir="rtl">\n<tr dir="rtl">\n<th>البند</th>\n<th>القيمة</th>\n</tr>\n</thead>\n'
    rows = [f'<tr dir="rtl">\n<td>بند {i}</td>\n<td>{i}</td>\n</tr>\n' for i in range(250)]
    table = f'<table width="100%" dir="rtl">\n{head}<tbody dir="rtl">\n{"".join(rows)}</tbody>\n</table>'
    short = table.replace("".join(rows[100:]), "")
    html = page(f"<p>قبل</p>\n{table}\n<p>بعد</p>\n{short}\n")
    printed = split_long_tables(html, 100)
    assert printed.count("<table") == 4 and printed.count("<th>البند</th>") == 4  # 100 + 100 + 50, and 100
    assert re.findall(r"<td>بند (\d+)</td>", printed) == [str(i) for i in range(250)] + [
        str(i) for i in range(100)
    ]
    assert printed.count('<table width="100%" dir="rtl">') == 4 and printed.count('<tbody dir="rtl">') == 4
    assert len(split_print_html(printed, 2_000)) >= 3  # the pieces can go to different parts
    nested = page(table.replace("<td>بند 3</td>", "<td><table><tr><td>x</td></tr></table></td>"))
    assert split_long_tables(nested, 100).count("<thead") == 1  # a table holding a table is kept whole


def test_a_huge_paragraph_is_cut_into_paragraphs_for_the_parts() -> None:
    from editor.ui.export.print_parts import cut_paragraphs, split_big_parts

    text = "كلمة &amp; <b>عريضة جدا</b> word " * 20_000
    body = f'<p dir="rtl">{text}</p>\n<p>قصير</p>'
    cut = cut_paragraphs(body, 5_000)
    assert cut.count('<p dir="rtl">') >= len(text) // 10_000
    assert cut.replace('</p>\n<p dir="rtl">', "") == body  # only paragraph breaks were added
    assert "<b>عريضة</p>" not in cut and not re.search(r"&[a-z]*</p>", cut)  # never inside a tag or entity
    parts = split_big_parts([page(body)], 50_000)
    assert len(parts) >= len(body) // 60_000
    joined = "".join(split_page(p)[1] for p in parts)
    assert joined.replace('</p>\n<p dir="rtl">', "").replace("\n", "") == body.replace("\n", "")
    assert split_big_parts([page("<p>a</p>")], 50_000) == [page("<p>a</p>")]  # small parts stay


def test_a_huge_table_is_cut_into_tables_for_the_parts() -> None:
    from editor.ui.export.print_parts import split_big_parts

    rows = "".join(f"<tr><td>خلية {i}</td><td>{i}</td></tr>\n" for i in range(3_000))
    table = f"<table><thead><tr><th>أ</th><th>ب</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"
    parts = split_big_parts([page(table)], 20_000)
    assert len(parts) >= 4
    cells = re.findall(r"<td>(.*?)</td>", "".join(parts))
    assert cells == re.findall(r"<td>(.*?)</td>", table)  # every cell once, in order
