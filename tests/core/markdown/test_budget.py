"""Render limits (issue 14, cases 2–4): nesting and markup budgets, linear link/HTML parsing.

Every limit is tested at the limit (rendered as written, no notice) and far beyond it (fast, no
exception, a notice that says what was changed).
"""

from __future__ import annotations

import time

import markdown
import pytest

from editor.core.markdown.budget import (
    MAX_DOCUMENT_MARKUP,
    MAX_NESTING,
    MAX_UNIT_MARKUP,
    apply_budget,
)
from editor.core.markdown.linear_parsing import make_links_linear
from editor.core.markdown.render import render_body


def _render_timed(text: str, limit: float = 8.0):
    start = time.perf_counter()
    rendered = render_body(text)
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"{elapsed:.1f} s"
    return rendered


def test_quotes_at_the_nesting_limit_render_as_written() -> None:
    rendered = _render_timed(">" * MAX_NESTING + " نص\n")
    assert rendered.html.count("<blockquote") == MAX_NESTING
    assert rendered.notices == []


def test_quotes_beyond_the_limit_are_shown_at_the_deepest_level() -> None:
    rendered = _render_timed(">" * (MAX_NESTING + 1) + " نص\n")
    assert rendered.html.count("<blockquote") == MAX_NESTING
    assert "&gt; نص" in rendered.html  # the extra marker is shown as text
    assert any("nested deeper" in n for n in rendered.notices)


@pytest.mark.parametrize(
    "text",
    [
        ">" * 10_000 + " نص\n",
        "\n".join(">" * i + " نص" for i in range(1, 1500)) + "\n",
        "\n".join("    " * i + "- بند" for i in range(1000)) + "\n",
        "- " * 10_000 + "x\n",
        "1. " * 10_000 + "x\n",
        "> - " * 5_000 + "x\n",
        "\n".join("    " * i + "- ```" for i in range(1000)),
    ],
    ids=["quote-line", "quote-lines", "indented-list", "dashes", "numbers", "mixed", "fences-in-lists"],
)
def test_deep_nesting_far_beyond_the_limit_renders_without_recursion(text: str) -> None:
    rendered = _render_timed(text)
    assert rendered.html.count("<blockquote") <= MAX_NESTING
    assert rendered.html.count("<ul") + rendered.html.count("<ol") <= 2 * MAX_NESTING
    assert rendered.notices


def test_a_list_at_the_limit_is_untouched() -> None:
    text = "\n".join("    " * i + "- بند" for i in range(MAX_NESTING)) + "\n"
    assert apply_budget(text).text == text
    assert render_body(text).html.count("<ul") == MAX_NESTING


def test_markup_at_the_paragraph_limit_renders_and_beyond_it_is_verbatim() -> None:
    at_limit = "`a` " * (MAX_UNIT_MARKUP // 2)
    rendered = _render_timed(at_limit)
    assert rendered.html.count("<code>") == MAX_UNIT_MARKUP // 2 and not rendered.notices
    beyond = "`a` " * (MAX_UNIT_MARKUP // 2 + 1)
    rendered = _render_timed(beyond)
    assert "<code>" not in rendered.html.replace('<pre dir="ltr"><code>', "")
    assert any("too much markup" in n for n in rendered.notices)


def test_a_document_over_the_markup_budget_shows_the_rest_as_text() -> None:
    paragraph = "*ن* " * 1000 + "\n\n"  # 2,000 markup characters a paragraph
    count = MAX_DOCUMENT_MARKUP // 2000 + 5
    rendered = _render_timed(paragraph * count, limit=20)
    assert rendered.html.count("<em>") >= (count - 6) * 1000
    assert any("markup characters" in n for n in rendered.notices)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000,
        "![" * 30_000,
        "[a](" * 25_000,
        "[a](" * 25_000 + ")",
        "[\n" * 50_000,
        "<a " * 30_000,
        "_a" * 30_000,
        "*a" * 50_000,
        "`a" * 50_000,
        "#" + "ب" * 1_000_000,
        "&#1576;" * 200_000,
        "ب" * 1_000_000,
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_inline_floods_render_quickly(text: str) -> None:
    _render_timed(text)


LINKS = [
    "[a](b)",
    "[a](b c)",
    '[a](b "t")',
    "[a](<b c> 't')",
    "[a](b(c)d)",
    "[a]((b)",
    "[a](b))",
    "[[a]](b)",
    "[a [b] c](d)",
    "![i](x.png)",
    "![i](x.png 'title')",
    "[a][r]\n\n[r]: /u",
    "[r]\n\n[r]: /u",
    "[a](b\\)c)",
    "[a] (b)",
    "[a](b",
    "[a(](b)",
    "x [a](b) y [c](d) z",
    "[a](b 'c) d' e)",
]


@pytest.mark.parametrize("text", LINKS)
def test_linear_links_give_python_markdowns_result(text: str) -> None:
    plain = markdown.Markdown().convert(text)
    linear_md = markdown.Markdown()
    make_links_linear(linear_md)
    assert linear_md.convert(text) == plain


def test_many_headings_render_in_linear_time_and_unchanged(monkeypatch) -> None:
    from editor.core.markdown import budget

    text = "".join(f"# عنوان {i}\nنص {i}\n## فرعي\n" for i in range(200))
    separated = render_body(text)
    monkeypatch.setattr(budget, "_separate_headings", lambda lines: lines)
    assert render_body(text).html == separated.html  # the blank lines change nothing
    monkeypatch.undo()
    _render_timed("".join(f"# عنوان {i}\n" for i in range(50_000)), limit=15)
