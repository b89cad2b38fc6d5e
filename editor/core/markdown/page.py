"""Whole-article outputs: the standalone HTML page, the pasteable fragment, plain text, the preview.

All four come from one `render_body` call on the article body, with the article direction from
`direction.article_direction` (front matter `dir`, else `lang`, else the text).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path
from string import Template

from editor.core.article.model import Article
from editor.core.markdown.html_budget import MAX_QT_CHARS, limit_html
from editor.core.markdown.local_images import contain_images
from editor.core.markdown.plain_text import html_to_text
from editor.core.markdown.qt_structure import limit_structure, notice_paragraph
from editor.core.markdown.render import Rendered, render_body
from editor.core.text.direction import (
    LRM,
    article_direction,
    article_lang,
    isolate_number_runs,
    text_direction,
)
from editor.core.text.tag_text import clean_tag_text, tag_key
from editor.resources import resource_path

FSI, PDI = "\u2068", "\u2069"

LABELS = {
    "ar": {"by": "بقلم", "tags": "الوسوم"},
    "en": {"by": "By", "tags": "Tags"},
}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "، ".join(str(v) for v in value)
    return str(value).strip()


def _labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang.split("-")[0].lower(), LABELS["en"])


def render_article(
    article: Article,
    base_dir: Path | None = None,
    *,
    isolate_numbers: bool = True,
    workers: int = 1,
    finish: Callable[[str], object] | None = None,
) -> Rendered:
    """Render an article's body with its own article direction (`workers`, `finish`: `render_body`)."""
    direction = article_direction(article.meta, article.body)
    return render_body(
        article.body,
        article_dir=direction,
        base_dir=base_dir,
        isolate_numbers=isolate_numbers,
        workers=workers,
        finish=finish,
    )


def page_tags(article: Article, rendered: Rendered) -> list[str]:
    """Front-matter tags, then body hashtags that are not the same tag by the library's rule
    (`tag_text.tag_key`: `#التحول الرقمي` and `#التحول_الرقمي` are one tag); first spelling wins."""
    tags: list[str] = []
    seen: set[str] = set()
    for tag in [*article.tags, *rendered.hashtags]:
        text = clean_tag_text(str(tag))
        key = tag_key(text)
        if key and key not in seen:
            seen.add(key)
            tags.append(text)
    return tags


def shown(text: str, direction: str) -> str:
    """Article text for a header, escaped, with the number-run marks of the body (`03-73` in order)."""
    return html.escape(isolate_number_runs(text, direction))


def _tag_html(tag: str) -> str:
    """One tag: `#` + the tag in a first-strong isolate, so `#Interpol` keeps its `#` in front in an
    RTL line (FSI/PDI work in browsers and in Qt, which drops `<bdi>`)."""
    direction = text_direction(tag, "rtl")
    return f'<span class="hashtag" data-tag="{html.escape(tag)}">{FSI}#{shown(tag, direction)}{PDI}</span>'


def _dir_attr(value: str, fallback: str) -> str:
    return text_direction(value, fallback)


def metadata_header(article: Article, rendered: Rendered, lang: str, *, inline_tags: bool = False) -> str:
    """`<header>` with title, subtitle, byline, dateline (location — date) and tags; '' if empty.

    Tags are a `<ul>` (styled inline by article.css); `inline_tags` puts them in one paragraph
    instead, for Qt, whose rich text cannot lay list items out in a row.
    """
    meta = article.json_meta()
    direction = rendered.article_dir
    labels = _labels(lang)
    parts: list[str] = []
    title = _text(meta.get("title"))
    if title:
        title_dir = _dir_attr(title, direction)
        parts.append(f'<h1 dir="{title_dir}">{shown(title, title_dir)}</h1>')
    subtitle = _text(meta.get("subtitle"))
    if subtitle:
        subtitle_dir = _dir_attr(subtitle, direction)
        parts.append(f'<p class="subtitle" dir="{subtitle_dir}">{shown(subtitle, subtitle_dir)}</p>')
    author = _text(meta.get("author"))
    if author:
        parts.append(f'<p class="byline" dir="{direction}">{labels["by"]} {shown(author, direction)}</p>')
    location, date = _text(meta.get("location")), _text(meta.get("date"))
    if location or date:
        bits = []
        if location:
            bits.append(f'<span class="location">{shown(location, direction)}</span>')
        if date:
            # the LRM keeps `2024-05-12` in order after an Arabic place name (docs/direction.md)
            bits.append(f'<time datetime="{html.escape(date)}">{LRM}{html.escape(date[:10])}</time>')
        parts.append(f'<p class="dateline" dir="{direction}">{" — ".join(bits)}</p>')
    tags = page_tags(article, rendered)
    if tags and inline_tags:
        spans = " ".join(_tag_html(t) for t in tags)
        parts.append(f'<p class="tags" dir="{direction}">{spans}</p>')
    elif tags:
        items = "".join(f'<li dir="{_dir_attr(t, direction)}">{_tag_html(t)}</li>' for t in tags)
        parts.append(f'<ul class="tags" dir="{direction}" aria-label="{labels["tags"]}">{items}</ul>')
    if not parts:
        return ""
    return f'<header class="article-meta" dir="{direction}">\n' + "\n".join(parts) + "\n</header>\n"


def _css(name: str) -> str:
    return resource_path("css", name).read_text(encoding="utf-8")


def export_html(article: Article, base_dir: Path | None = None, *, workers: int = 1) -> str:
    """A standalone, valid HTML5 page: `<html lang dir>`, metadata header, embedded RTL-first CSS.

    `workers` > 1: a big article is rendered in that many processes (`chunked`, the same HTML).
    """
    rendered = render_article(article, base_dir, workers=workers)
    lang = article_lang(article.meta, rendered.article_dir)
    template = Template(resource_path("templates", "page.html").read_text(encoding="utf-8"))
    return template.substitute(
        lang=html.escape(lang),
        dir=rendered.article_dir,
        title=html.escape(article.title or "Midad"),
        css=_css("article.css"),
        header=metadata_header(article, rendered, lang),
        body=contain_images(rendered.html.strip(), base_dir, embed=True),  # data: URIs, no outside paths
    )


def export_fragment(article: Article, base_dir: Path | None = None, *, workers: int = 1) -> str:
    """The body HTML only, no styles: every block keeps its `dir` (for pasting into a CMS)."""
    rendered = render_article(article, base_dir, workers=workers)
    return contain_images(rendered.html.strip(), base_dir, embed=False) + "\n"


def export_text(article: Article, *, workers: int = 1) -> str:
    """Plain text: the front-matter title (if any), then the body with the Markdown removed."""
    rendered = render_article(article, isolate_numbers=False, workers=workers, finish=html_to_text)
    if rendered.finished is not None:  # made in parts: each part's text (blocks stay a blank line apart)
        body = "\n".join(text for text in rendered.finished if text)
    else:
        body = html_to_text(rendered.html)
    title = _text(article.meta.get("title"))
    return f"{title}\n\n{body}" if title else body


_IMG_SRC_RE = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')


def rebase_local_images(html_text: str, article_dir: Path, output_dir: Path) -> str:
    """Rewrite relative image sources (relative to the article) to be relative to `output_dir`.

    For an export written to another folder; remote images were already turned into links.
    """
    article_dir, output_dir = Path(article_dir).resolve(), Path(output_dir).resolve()
    if article_dir == output_dir:
        return html_text

    def rebase(match: re.Match[str]) -> str:
        src = html.unescape(match.group(2))
        if not src or src.startswith(("/", "#")) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", src):
            return match.group(0)
        path, _, fragment = src.partition("#")
        target = os.path.relpath(article_dir / path, output_dir).replace(os.sep, "/")
        new = target + (f"#{fragment}" if fragment else "")
        return match.group(1) + html.escape(new) + match.group(3)

    return _IMG_SRC_RE.sub(rebase, html_text)


# --- the Qt preview ------------------------------------------------------------------------------

_TABLE_RE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_ROW_RE = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.DOTALL)
_CELL_RE = re.compile(r"<(td|th)\b[^>]*>.*?</\1>", re.DOTALL)


def mirror_rtl_tables(fragment: str) -> str:
    """Reverse the cells of every row of `dir="rtl"` tables, because Qt does not mirror columns.

    For Qt only: browsers mirror RTL tables themselves. Tables holding tables are left alone.
    """

    def mirror_row(row: re.Match[str]) -> str:
        cells = [m.group(0) for m in _CELL_RE.finditer(row.group(2))]
        if not cells:
            return row.group(0)
        return row.group(1) + "\n" + "\n".join(reversed(cells)) + "\n" + row.group(3)

    def mirror_table(table: re.Match[str]) -> str:
        text = table.group(0)
        opening = text[: text.index(">") + 1]
        if 'dir="rtl"' not in opening or "<table" in text[len(opening) :]:
            return text
        return '<table width="100%"' + _ROW_RE.sub(mirror_row, text)[len("<table") :]

    return _TABLE_RE.sub(mirror_table, fragment)


# The live preview keeps `MAX_QT_CHARS` (400,000) characters of HTML: a body over twice that is
# rendered only up to a safe place after it (the HTML of that part is longer than what is kept).
PREVIEW_HEAD_CHARS = 2 * MAX_QT_CHARS


def preview_head(article: Article) -> Article:
    """`article` with its body cut after `PREVIEW_HEAD_CHARS` at a safe place (`chunked.head_of`),
    when the live preview would not show the rest anyway (a 5 MB article: 0.3 s instead of 3 s)."""
    from editor.core.markdown.chunked import head_of

    body = article.body
    head = head_of(body, PREVIEW_HEAD_CHARS)  # None for a body not much longer
    if head is None or not article.text.endswith(body):
        return article
    return Article.from_text(article.text[: len(article.text) - len(body)] + head)


def preview_html(
    article: Article, base_dir: Path | None = None, *, whole: bool = False, workers: int = 1
) -> str:
    """What the GUI's QTextBrowser shows: the export page's header and body in Qt's HTML subset.

    Qt honours `dir` on blocks (emitted everywhere) but ignores CSS `direction`, `dir=auto`,
    `<bdi>` and `<span dir>`; number runs already carry LRMs, which Qt honours. Qt does not
    mirror RTL tables, so their cells are reversed here (`mirror_rtl_tables`).
    Each notice keeps its sentence as data (`data-midad-msg`), so the window can show it in its language.
    The preview is cut at `MAX_QT_CHARS` characters (`html_budget`); `whole=True` (PDF and print,
    which are exports) keeps every character, with the same depth limits, long-word breaks and
    paragraphs over `MAX_QT_BLOCK_CHARS` laid out in parts (without a notice: a PDF of a 5 MB
    one-line article took minutes in one block).
    `workers` > 1 renders a big article in that many processes (`chunked`, the same HTML).
    """
    rendered = render_article(article if whole else preview_head(article), base_dir, workers=workers)
    lang = article_lang(article.meta, rendered.article_dir)
    direction = rendered.article_dir
    header = metadata_header(article, rendered, lang, inline_tags=True)
    # a tag of a million letters is a million-letter word in the header too: the same breaks as the body
    header = limit_html(header, max_chars=len(header) + 1, split_notice=False).html
    body = mirror_rtl_tables(contain_images(rendered.html, base_dir, embed=False))
    if whole:  # every character; a very long paragraph in parts (Qt's layout of one block is slow)
        limited = limit_html(body, max_chars=len(body) + 1, split_notice=False, max_cell_chars=None)
    else:
        limited = limit_html(body)
    # long lists and containers in parts (the same look); the live preview cuts huge tables and lists
    structured = limit_structure(limited.html, cut=not whole, direction=direction)
    notices = "".join(
        notice_paragraph(n, direction) for n in rendered.notices + limited.notices + structured.notices
    )
    return (
        f'<html lang="{html.escape(lang)}" dir="{direction}"><head><meta charset="utf-8">'
        f"<style>{_css('preview.css')}</style></head>"
        f'<body dir="{direction}">{notices}{header}{structured.html}</body></html>'
    )
