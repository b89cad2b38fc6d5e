"""The article header of the html export and the preview: number runs in order, tags once, each isolated."""

from __future__ import annotations

from bidi import get_display

from editor.core.article.model import Article
from editor.core.markdown.page import export_html, page_tags, preview_html, render_article
from editor.core.markdown.raw_html import html_text
from editor.core.text.direction import LRM

ARTICLE = Article.from_text(
    "---\ntitle: القانون رقم 03-73 يدخل حيز التنفيذ\nsubtitle: قراءة في المادة 7-2\n"
    "location: الرباط 2-1\ntags: [التحول الرقمي, Interpol]\n---\nنص #التحول_الرقمي و #Interpol و #الامن\n"
)


def _header(page: str) -> str:
    return page[page.index("<header") : page.index("</header>")]


def test_header_number_runs_carry_the_body_s_marks() -> None:
    for page in (export_html(ARTICLE), preview_html(ARTICLE)):
        header = _header(page)
        assert f"القانون رقم {LRM}03-73 يدخل" in header
        assert f"المادة {LRM}7-2" in header
        title = header[header.index("<h1") : header.index("</h1>")]
        assert "03-73" in get_display(html_text(title + ">").strip(), base_dir="R").replace(LRM, "")


def test_header_lists_each_tag_once_by_the_library_rule() -> None:
    assert page_tags(ARTICLE, render_article(ARTICLE)) == ["التحول الرقمي", "Interpol", "الامن"]
    header = _header(export_html(ARTICLE))
    assert header.count('data-tag="') == 3


def test_each_header_tag_is_isolated_so_latin_tags_keep_their_hash_in_front() -> None:
    for page in (export_html(ARTICLE), preview_html(ARTICLE)):
        header = _header(page)
        assert "\u2068#Interpol\u2069" in header and "\u2068#التحول الرقمي\u2069" in header
    line = "\u2068#التحول\u2069 \u2068#Interpol\u2069"
    assert "#Interpol" in get_display(line, base_dir="R")
    assert "Interpol#" in get_display(line.replace("\u2068", "").replace("\u2069", ""), base_dir="R")
