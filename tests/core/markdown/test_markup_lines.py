"""Markup lines (raw HTML, table rules, front matter shown as text) are laid out left to right."""

from __future__ import annotations

from editor.core.markdown.markup_lines import editor_line_directions, markup_lines


def test_raw_html_blocks_and_tag_lines_are_markup():
    body = (
        "فقرة عربية\n\n"
        '<div class="box" dir="rtl">\n'
        "نص عربي داخل الصندوق\n"
        "</div>\n\n"
        '<iframe src="https://x.org/embed" title="فيديو"></iframe>\n\n'
        "<span>كلمة</span> في فقرة\n"
    )
    marks = markup_lines(body)
    assert marks[:2] == [False, False]
    assert marks[2:5] == [True, True, True]
    assert marks[6] is True
    assert marks[8] is False  # inline HTML at the start of a prose paragraph stays prose


def test_an_unclosed_html_block_stops_at_a_blank_line():
    marks = markup_lines("<p>\nنص\n\nفقرة عربية بعده\nوسطر")
    assert marks == [True, True, False, False, False]


def test_table_rule_rows_and_not_setext_underlines():
    body = "| أ | ب |\n|---|:--:|\n| ١ | ٢ |\n\nعنوان\n---"
    assert markup_lines(body) == [False, True, False, False, False, False]


def test_front_matter_shown_as_text_only_at_the_start():
    body = "---\ntitle: عنوان\ntags: [أ\n\nالنص"
    assert markup_lines(body) == [True, True, True, False, False]
    assert markup_lines(body, starts_body=False) == [False] * 5
    assert markup_lines("---\n\nفقرة") == [False, False, False]  # a rule, not front matter


def test_editor_line_directions_makes_markup_ltr_and_keeps_prose():
    body = 'فقرة عربية\n\n<div dir="rtl">\nنص عربي\n</div>\n\n```\nرمز\n```'
    assert editor_line_directions(body, "rtl") == [
        "rtl",
        "rtl",
        "ltr",
        "ltr",
        "ltr",
        "rtl",
        "ltr",
        "ltr",
        "ltr",
    ]
