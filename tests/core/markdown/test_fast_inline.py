"""The skipping inline pass (issue 13, render speed) renders exactly what Python-Markdown's own did.

Every input is converted twice by Midad's Markdown set-up: once with `SkippingInlineProcessor`
and once with Python-Markdown's stock inline treeprocessor in its place; the HTML must be the same
byte for byte (before sanitising, so nothing is hidden).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown import inlinepatterns
from markdown.treeprocessors import InlineProcessor

from editor.core.markdown import render
from editor.core.markdown.fast_inline import SkippingInlineProcessor, required_chars

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SUITE = sorted((FIXTURES / "python_markdown").rglob("*.txt"))

SAMPLES = [
    "نص عادي بلا أي علامة",
    "**عريض** و*مائل* و_مائل_ و__عريض__ و***كلاهما***",
    "`رمز` و``رمز ` داخلي`` و\\*ليس مائلا\\* و\\`",
    "[رابط](https://example.com) و![صورة](a.png) و[مرجع][r] و[r]\n\n[r]: /u 'عنوان'",
    "<https://example.com> و<a@b.co> و<span>HTML</span> و&amp; و&#1575; و&copy;",
    "سطر  \nسطر بعد فاصل و#وسم و#وسم#tag و_#tag و\\_#tag و#ن{ا} {dir=ltr}",
    "نص[^1] آخر\n\n[^1]: حاشية *مائلة*",
    "*A**B*C `x` [l](u) #وسم",
    "* بند *مائل*\n* بند [رابط](u)\n\n> اقتباس **عريض** #وسم\n\n| أ | ب |\n|---|---|\n| *x* | `y` |",
    "# عنوان *مائل* {#id}\n\n## عنوان [رابط](u)\n\n```\n*not* [code]\n```",
    "*" * 300 + "a" + "_" * 300,
    "[" * 200 + "a" + "]" * 200 + "(" * 50,
    "<a " * 200 + ">",
    "#" + "ب" * 500 + "#" * 50,
]


def _pair() -> tuple:
    fast, _ = render._new_markdown()
    stock, _ = render._new_markdown()
    assert isinstance(fast.treeprocessors["inline"], SkippingInlineProcessor)
    index = stock.treeprocessors.get_index_for_name("inline")
    stock.treeprocessors.register(
        InlineProcessor(stock), "inline", stock.treeprocessors._priority[index].priority
    )
    return fast, stock


def _same(text: str) -> None:
    fast, stock = _pair()
    assert fast.convert(text) == stock.convert(text)


@pytest.mark.parametrize("path", SUITE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_python_markdown_suite_renders_the_same(path: Path) -> None:
    _same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", SAMPLES)
def test_every_inline_form_renders_the_same(text: str) -> None:
    _same(text)


def test_seed_article_renders_the_same() -> None:
    seed = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    _same(seed)
    _same(seed.replace("\n\n", "\n\n**مقطع** [رابط](u) #وسم `x` &amp; <b>ب</b>\n\n"))


def test_an_unknown_pattern_is_always_asked() -> None:
    class Custom(inlinepatterns.InlineProcessor):
        pass

    assert required_chars(Custom(r"x")) is None
    assert required_chars(inlinepatterns.InlineProcessor(inlinepatterns.BACKTICK_RE)) == "`"


def test_a_pattern_of_a_later_extension_still_runs() -> None:
    md, _ = render._new_markdown()
    md.inlinePatterns.register(inlinepatterns.SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 65)
    assert "<del>محذوف</del>" in md.convert("نص ~~محذوف~~")
