"""Rendering in parts (`chunked`) gives byte for byte the whole render's HTML, hashtags, headings and text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from editor.core.markdown import chunked
from editor.core.markdown.plain_text import html_to_text
from editor.core.markdown.render import render_body

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SUITE = sorted((FIXTURES / "python_markdown").rglob("*.txt"))
SEED = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")

BLOCKS = [
    "## محور التعاون",
    "## محور التعاون",  # the same heading again: ids `_1`, `_2` across parts
    "# عنوان صريح {#محور-التعاون}",
    "### Title {#محور-التعاون_1}",
    "فقرة عن #المغرب و#الإمارات مع **عريض** و*مائل* و`رمز` ورقم 03-73.",
    "The minister said the talks went well, according to the BBC report number 2024.",
    "- بند أول\n- بند ثان مع [رابط](https://example.com/x)\n\n    فقرة داخل البند",
    "1. أولا\n2. ثانيا\n\n\n3. ثالثا بعد سطرين",
    "> اقتباس #عاجل\nسطر كسول\n\n> اقتباس ثان",
    "| البند | القيمة |\n|---|---|\n| القرار | 1373 |",
    "```\nكود\n\nفقرة داخل الكود تبدأ بحرف\n\n## ليس عنوانا\n```",
    "~~~python\nx = 1\n\nمحور = 2\n~~~",
    "    كود مزاح\n\n    ما زال كودا",
    "Title\n=====",
    "«فقرة» تبدأ بعلامة تنصيص {dir=ltr}",
    "(فقرة) بين قوسين\t\tمع جدولة",
    "* * *",
    "فقرة  \nبسطر مكسور",
    "   \t  ",
    "#وسم_في_البداية نص",
]


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # tiny articles are cut too, so every input here goes through the parts
    monkeypatch.setattr(chunked, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(chunked, "PART_CHARS", 1)


def _same(body: str, *, expect_parts: bool = True, article_dir: str = "rtl") -> None:
    whole = render_body(body, article_dir=article_dir)
    parts = render_body(body, article_dir=article_dir, workers=2, finish=html_to_text)
    assert (parts.finished is not None) == expect_parts
    assert parts.html == whole.html
    assert parts.hashtags == whole.hashtags
    assert parts.toc == whole.toc
    assert parts.notices == whole.notices
    if parts.finished is not None:
        assert "\n".join(t for t in parts.finished if t) == html_to_text(whole.html)


def test_seed_article_in_parts_is_the_whole_render() -> None:
    _same(SEED + "\n\n" + "\n\n".join(BLOCKS[:6]) + "\n\n" + SEED)


@pytest.mark.parametrize("seed", range(12))
def test_generated_articles_in_parts_are_the_whole_render(seed: int) -> None:
    rng = random.Random(seed)
    blocks = [rng.choice(BLOCKS + [p for p in SEED.split("\n\n") if p.strip()]) for _ in range(80)]
    separators = ["\n\n", "\n\n\n", "\n", "\n \n", "\r\n\r\n"]
    body = "".join(block + rng.choice(separators) for block in blocks)
    _same(body, article_dir=rng.choice(("rtl", "ltr")))


def test_repeated_headings_get_the_whole_renders_ids() -> None:
    body = "\n\n".join(["## محور", "نص", "# عنوان {#محور_2}", "نص", "## محور", "نص", "## محور"] * 4)
    rendered = render_body(body, workers=2)
    assert rendered.finished is None  # no `finish` was given
    _same(body)
    ids = [entry.id for entry in rendered.toc]
    assert len(set(ids)) == len(ids) and "محور_3" in ids


@pytest.mark.parametrize("path", SUITE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_python_markdown_suite_in_parts_is_the_whole_render(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    whole = render_body(text)
    parts = render_body(text, workers=2, finish=html_to_text)
    assert parts.html == whole.html
    assert parts.toc == whole.toc
    if parts.finished is not None:
        assert "\n".join(t for t in parts.finished if t) == html_to_text(whole.html)


@pytest.mark.parametrize(
    "body",
    [
        "نص[^1]\n\nفقرة\n\n[^1]: حاشية",
        "[مرجع][r]\n\nفقرة\n\n[r]: https://example.com",
        "HTML\n\nفقرة\n\n*[HTML]: Hyper Text",
        "[TOC]\n\n## أ\n\nنص\n\n## ب",
        "<div>\n\nفقرة\n\nأخرى\n\n</div>",
        "<!-- تعليق لم يغلق\n\nفقرة\n\nأخرى",
    ],
)
def test_article_wide_constructs_are_rendered_whole(body: str) -> None:
    assert chunked.split_parts(chunked.normalize(body), 4) is None
    _same(body + "\n\nفقرة أخيرة\n\nوأخرى", expect_parts=False)


def test_cuts_are_only_before_plain_paragraphs_and_never_in_a_fence() -> None:
    text = chunked.normalize("أ\n\n- بند\n\n```\nكود\n\nب\n```\n\n> ق\n\n    ك\n\nج\n\n#وسم\n")
    pieces = chunked.split_parts(text, 50)
    assert pieces is not None and "".join(pieces) == text
    assert [p[0] for p in pieces] == ["أ", "ج", "#"]


def test_small_articles_and_one_worker_render_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunked, "MIN_PARALLEL_CHARS", 10_000)
    assert chunked.render_chunked("أ\n\nب\n", "rtl", True, 2) is None
    assert chunked.render_chunked("أ\n\nب\n" * 5000, "rtl", True, 1) is None
    assert chunked.render_chunked("أ\n\nب\n" * 5000, "rtl", True, 2) is not None
