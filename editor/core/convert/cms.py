"""What *Copy for CMS* hands over: the body's HTML fragment and Markdown, and the metadata fields.

`metadata_fields(article)` lists the fields a CMS form asks for, in its usual order: title, slug
(the front matter's, else one made from the title), summary, tags (front-matter tags, then body
hashtags), category, dateline (`location — date`). Empty fields are left out.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.article.model import Article
from editor.core.article.slug import suggest_slug
from editor.core.markdown.page import export_fragment, page_tags, render_article

FIELD_ORDER = ("title", "slug", "summary", "tags", "category", "dateline")


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value or "").strip()


def metadata_fields(article: Article) -> list[tuple[str, str]]:
    """`[(field, value), …]` in `FIELD_ORDER`, non-empty values only."""
    meta = article.json_meta()
    title = _text(meta.get("title")) or article.title
    tags = page_tags(article, render_article(article))
    location, date = _text(meta.get("location")), _text(meta.get("date"))[:10]
    values = {
        "title": title,
        "slug": _text(meta.get("slug")) or (suggest_slug(title) if title else ""),
        "summary": _text(meta.get("summary")),
        "tags": "، ".join(tags) if article.lang.startswith("ar") else ", ".join(tags),
        "category": _text(meta.get("category")),
        "dateline": " — ".join(v for v in (location, date) if v),
    }
    return [(key, values[key]) for key in FIELD_ORDER if values[key]]


def cms_payload(article: Article, base_dir: Path | None = None) -> tuple[str, str]:
    """`(html_fragment, markdown_body)` for the clipboard: paragraphs with `dir`, no styles."""
    return export_fragment(article, base_dir), article.body.strip("\r\n") + "\n"
