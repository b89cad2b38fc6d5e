"""The live preview of a long article renders only the part it can show (`page.preview_head`)."""

from __future__ import annotations

from editor.core.article.model import Article
from editor.core.markdown import page
from editor.core.markdown.page import PREVIEW_HEAD_CHARS, preview_head, preview_html


def _long(seed_text: str, tail: str = "") -> Article:
    copies = (PREVIEW_HEAD_CHARS * 3) // len(seed_text) + 1
    body = "\n\n".join([seed_text] * copies)
    return Article.from_text(f"---\ntitle: مقال طويل\ntags: [أمن]\n---\n\n{body}\n\n{tail}")


def test_a_long_article_shows_the_same_preview_from_its_first_part(seed_text, monkeypatch):
    article = _long(seed_text)
    head = preview_head(article)
    assert PREVIEW_HEAD_CHARS <= len(head.body) < len(article.body) // 2
    assert article.body.startswith(head.body.rstrip("\n")[:1000])
    assert head.meta == article.meta
    shown = preview_html(article)
    monkeypatch.setattr(page, "preview_head", lambda whole_article: whole_article)
    assert shown == preview_html(article)  # identical to rendering all of it and cutting the HTML
    assert "The preview shows the first" in shown


def test_short_articles_and_article_wide_definitions_are_rendered_whole(seed_text):
    short = Article.from_text(seed_text)
    assert preview_head(short) is short
    # a reference defined at the very end: the first part alone would show `[المصدر][1]` as text
    with_reference = _long(seed_text + "\n\n[المصدر][1]", tail="[1]: https://example.org/a")
    assert preview_head(with_reference) is with_reference
    assert 'href="https://example.org/a"' in preview_html(with_reference)


def test_exports_keep_every_character(seed_text):
    article = _long(seed_text, tail="الخاتمة الأخيرة")
    assert "الخاتمة الأخيرة" in preview_html(article, whole=True)
    assert "الخاتمة الأخيرة" not in preview_html(article)
