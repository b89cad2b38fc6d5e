"""A new article: the front matter Midad starts it with, and what its first save settles.

The template has no `lang`: it is decided at the first save from the title and body by the
direction model (`lang: ar` when they read right to left, nothing otherwise; the page language is
then `article_lang`'s default). A new article always ends with a newline.
"""

from __future__ import annotations

import datetime as dt

from editor.core.article.model import KNOWN_KEYS, Article
from editor.core.text.direction import text_direction

__all__ = ["finish_new_article", "template_article", "with_final_newline"]


def template_article(
    title: str = "",
    author: str | None = None,
    location: str | None = None,
    tags: list[str] | None = None,
    status: str = "draft",
    today: dt.date | None = None,
) -> Article:
    """A fresh article with front matter in Midad's field order and an empty body (no `lang` yet)."""
    article = Article.from_text("---\n---\n\n")
    values: dict[str, str | list[str] | None] = {
        "title": title,
        "author": author,
        "date": (today or dt.date.today()).isoformat(),
        "location": location,
        "tags": list(tags or []),
        "status": status,
    }
    for key in KNOWN_KEYS:
        value = values.get(key)
        if value is not None:
            article = article.with_field(key, value)
    return article


def finish_new_article(article: Article) -> Article:
    """What the first save of a new article writes: `lang: ar` when its title and body read right to
    left (and no `lang` or `dir` is set), and a final newline."""
    if article.front_matter_ok and "lang" not in article.meta and "dir" not in article.meta:
        title = article.meta.get("title")
        sample = f"{title if isinstance(title, str) else ''}\n{article.body}"
        if text_direction(sample, "ltr") == "rtl":
            article = article.with_field("lang", "ar")
    return with_final_newline(article)


def with_final_newline(article: Article) -> Article:
    """`article` ending with its own line end (unchanged when it already does, or is empty)."""
    if article.text and not article.text.endswith(("\n", "\r")):
        return Article.from_text(article.text + article.newline)
    return article
