"""Whole-article outputs: standalone page, fragment, plain text and the preview HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from editor.core.article.model import Article
from editor.core.markdown.page import (
    export_fragment,
    export_html,
    export_text,
    mirror_rtl_tables,
    preview_html,
)
from editor.core.text.direction import LRM
from editor.resources import resource_path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# elements whose end tag HTML5 lets you omit are never omitted by Midad, so all must balance


class StrictChecker(HTMLParser):
    """A small well-formedness check: doctype first, balanced non-void tags, one html/head/body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.doctype: str | None = None
        self.first_thing: str | None = None
        self.counts: dict[str, int] = {}
        self.starts: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_decl(self, decl):
        self.doctype = decl
        self.first_thing = self.first_thing or "doctype"

    def handle_starttag(self, tag, attrs):
        self.first_thing = self.first_thing or tag
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.starts.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check(html: str) -> StrictChecker:
    checker = StrictChecker()
    checker.feed(html)
    checker.close()
    return checker


FULL = """---
title: "تعاون أمني بين المغرب والإمارات"
subtitle: لقاء في الرباط
author: "فاطمة الزهراء"
location: الرباط
date: 2024-05-12
tags: [الأمن, المغرب]
---
# خلفية

فقرة عن #الإمارات و#المغرب.

The delegation met on Tuesday.

| البلد | العاصمة |
|---|---|
| المغرب | الرباط |
"""


def test_seed_article_page_meets_the_done_when(seed_text: str) -> None:
    html = export_html(Article.from_text(seed_text))
    checker = check(html)
    assert checker.errors == [] and checker.stack == []
    assert html.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    paragraphs = [attrs for tag, attrs in checker.starts if tag == "p"]
    assert len(paragraphs) >= 15 and all(p["dir"] == "rtl" for p in paragraphs)
    assert not any(tag in ("h1", "h2", "h3") for tag, _ in checker.starts)  # `#…` lines are paragraphs
    hashtags = [a["data-tag"] for tag, a in checker.starts if tag == "span" and a.get("class") == "hashtag"]
    assert hashtags[:2] == ["الرباط", "العدالة"]
    text = "".join(checker.text).replace(LRM, "")
    for needle in ("“عبد اللطيف حموشي”", "“علي عبيد الظاهري”", "“03-73”", "1373", "2178", "#الرباط"):
        assert needle in text


def test_page_is_valid_html5_with_metadata_header_and_embedded_css() -> None:
    html = export_html(Article.from_text(FULL))
    checker = check(html)
    assert checker.errors == [] and checker.stack == []
    assert checker.first_thing == "doctype" and checker.doctype.lower() == "doctype html"
    assert checker.counts["html"] == checker.counts["head"] == checker.counts["body"] == 1
    assert ("meta", {"charset": "utf-8"}) in checker.starts
    header_text = html[html.index("<header") : html.index("</header>")]
    for needle in (
        "تعاون أمني بين المغرب والإمارات",
        "لقاء في الرباط",
        "فاطمة الزهراء",
        "الرباط",
        "2024-05-12",
    ):
        assert needle in header_text
    assert f"{LRM}2024-05-12</time>" in header_text  # in order after the Arabic place name
    assert header_text.index("#الأمن") < header_text.index("#المغرب") < header_text.index("#الإمارات")
    assert header_text.count("#المغرب") == 1  # front-matter tag and hashtag merged
    css = resource_path("css", "article.css").read_text(encoding="utf-8")
    assert css.strip() in html
    assert "Noto Naskh Arabic" in html and "line-height: 1.9" in html
    assert "<link" not in html and "<script" not in html
    assert "default-src 'none'" in html  # the page itself forbids fetching anything remote


def test_every_block_in_the_page_has_dir() -> None:
    checker = check(export_html(Article.from_text(FULL)))
    blocks = {
        "p",
        "h1",
        "h2",
        "li",
        "ul",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "header",
        "div",
        "article",
    }
    assert all(a.get("dir") in ("rtl", "ltr") for tag, a in checker.starts if tag in blocks)
    dirs = {tag: a["dir"] for tag, a in checker.starts if tag in ("html", "body")}
    assert dirs == {"html": "rtl", "body": "rtl"}


@pytest.mark.parametrize(
    ("front", "lang", "direction"),
    [
        ("lang: en\n", "en", "ltr"),
        ("lang: fa\n", "fa", "rtl"),
        ("dir: ltr\nlang: ar\n", "ar", "ltr"),
        ("", "ar", "rtl"),
    ],
)
def test_page_lang_and_dir_follow_front_matter(front: str, lang: str, direction: str) -> None:
    text = f"---\n{front}title: x\n---\nbody\n" if front else "نص المقال\n"
    html = export_html(Article.from_text(text))
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_page_without_front_matter_title_uses_first_line_as_title_only() -> None:
    html = export_html(Article.from_text("فقرة أولى\n\nفقرة ثانية\n"))
    assert "<title>فقرة أولى</title>" in html
    assert "<header" not in html  # nothing to put in it: no duplicated first line


def test_fragment_is_body_only_and_keeps_dir() -> None:
    fragment = export_fragment(Article.from_text(FULL))
    for absent in ("<html", "<head", "<style", "<body", "<header", "---", "title:"):
        assert absent not in fragment
    checker = check(fragment)
    assert checker.errors == []
    assert [a["dir"] for t, a in checker.starts if t == "p"] == ["rtl", "ltr"]


def test_text_export_has_no_markdown(seed_text: str) -> None:
    text = export_text(Article.from_text(FULL))
    assert text.startswith("تعاون أمني بين المغرب والإمارات\n\nخلفية\n\nفقرة عن #الإمارات و#المغرب.\n")
    assert "The delegation met on Tuesday." in text
    assert "البلد | العاصمة\nالمغرب | الرباط" in text
    for syntax in ("# ", "---", "|---", "tags:", "<"):
        assert syntax not in text
    seed = export_text(Article.from_text(seed_text))
    assert LRM not in seed
    assert "يأتي هذا اللقاء" in seed and "“03-73”" in seed and "1373 و 2178" in seed
    assert seed.startswith("#الرباط: تأكيد")


def test_text_export_of_links_emphasis_lists_code() -> None:
    text = export_text(Article.from_text("**مهم** و[رابط](https://x.com) و`كود`\n\n- أ\n- ب\n\n1. ج\n"))
    assert text == "مهم ورابط وكود\n\n- أ\n- ب\n\n1. ج\n"


def test_preview_uses_the_same_body_and_mirrors_rtl_tables_for_qt() -> None:
    article = Article.from_text(FULL)
    preview = preview_html(article)
    assert '<html lang="ar" dir="rtl">' in preview and '<body dir="rtl">' in preview
    assert preview.index("العاصمة") < preview.index("البلد")  # cells reversed for Qt
    assert "Noto Naskh Arabic" in preview
    assert "<script" not in preview and "<link" not in preview


def test_mirror_only_touches_rtl_tables() -> None:
    rtl = '<table dir="rtl"><tr dir="rtl"><td dir="rtl">أ</td><td dir="rtl">ب</td></tr></table>'
    ltr = rtl.replace('"rtl"', '"ltr"')
    mirrored = mirror_rtl_tables(rtl)
    assert mirrored.index("ب") < mirrored.index("أ")
    assert mirror_rtl_tables(ltr) == ltr


def test_preview_header_shows_tags_in_one_paragraph_for_qt() -> None:
    preview = preview_html(Article.from_text(FULL))
    header = preview[preview.index("<header") : preview.index("</header>")]
    assert '<p class="tags" dir="rtl">' in header and "<ul" not in header
    assert header.index("#الأمن") < header.index("#المغرب") < header.index("#الإمارات")
