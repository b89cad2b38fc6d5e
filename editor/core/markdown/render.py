"""Markdown body → safe HTML fragment with `dir` on every block, hashtags and a table of contents.

The one renderer behind the live preview, every export and "copy HTML":
Python-Markdown (tables, footnotes, attr_list, fenced_code, sane_lists, abbr) + Midad's
extension (`editor.core.markdown.extension`: hashtags, `# ` headings, `dir` everywhere, a table of
contents with Unicode ids) + the sanitizer (`editor.core.markdown.sanitize`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from editor.core.markdown.budget import apply_budget, verbatim_html
from editor.core.markdown.extension import MidadExtension
from editor.core.markdown.sanitize import sanitize_html
from editor.core.markdown.toc import TocEntry, slugify
from editor.core.text.messages import msg

__all__ = ["Rendered", "TocEntry", "render_body", "slugify"]

_local = threading.local()


@dataclass(frozen=True)
class Rendered:
    """The result of `render_body`."""

    html: str  # sanitized body fragment; every block element has an explicit `dir`
    hashtags: list[str] = field(default_factory=list)  # in order, without `#`, de-duplicated
    toc: list[TocEntry] = field(default_factory=list)  # headings in document order
    article_dir: str = "rtl"
    notices: list[str] = field(default_factory=list)  # limits that changed the rendering (budget.py)
    finished: list | None = None  # `finish` of each part's HTML when rendered in parts, else None


def _new_markdown() -> tuple[markdown.Markdown, MidadExtension]:
    midad = MidadExtension()
    md = markdown.Markdown(
        extensions=[
            "tables",
            "footnotes",
            "attr_list",
            "fenced_code",
            "sane_lists",
            "abbr",
            midad,
        ],
        extension_configs={
            "tables": {"use_align_attribute": True},
            "footnotes": {"BACKLINK_TITLE": "", "SUPERSCRIPT_TEXT": "{}"},
        },
        output_format="html",
        tab_length=4,
    )
    return md, midad


def _markdown() -> tuple[markdown.Markdown, MidadExtension]:
    """A Markdown instance for this thread (building one costs more than a short render)."""
    cached = getattr(_local, "md", None)
    if cached is None:
        cached = _new_markdown()
        _local.md = cached
    return cached


def render_body(
    body: str,
    *,
    article_dir: str = "rtl",
    base_dir: Path | None = None,
    isolate_numbers: bool = True,
    workers: int = 1,
    finish: Callable[[str], object] | None = None,
) -> Rendered:
    """Render a Markdown body (as stored: `\\r\\n` is fine) to a safe, direction-complete fragment.

    `article_dir` is the direction of paragraphs without letters (see `editor.core.text.direction`).
    `base_dir` is the article's folder (relative images are resolved against it by the page
    builders; the fragment keeps them relative). `isolate_numbers` adds LEFT-TO-RIGHT MARKs
    before number runs that would otherwise display reversed (`03-73`).
    With `workers` > 1 a big body is rendered in parts in that many processes (`chunked`: the same
    HTML); `finish` then runs on each part's HTML in its process, the results in `finished` (None
    when the body was rendered whole: the caller runs `finish` on `html`).
    """
    del base_dir  # the fragment keeps links relative; page builders resolve them
    md, midad = _markdown()
    md.reset()
    midad.article_dir = "ltr" if article_dir == "ltr" else "rtl"
    midad.isolate_numbers = isolate_numbers
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    budgeted = apply_budget(text)  # nesting and markup limits (docs/limits.md)
    if workers > 1:
        from editor.core.markdown.chunked import render_chunked

        parts = render_chunked(budgeted.text, midad.article_dir, isolate_numbers, workers, finish)
        if parts is not None:
            return Rendered(
                parts.html, parts.hashtags, parts.toc, midad.article_dir, budgeted.notices, parts.finished
            )
    try:
        raw = md.convert(budgeted.text)
    except RecursionError:  # a structure the budget did not foresee: show the text, never fail
        _local.md = None
        notice = msg("This article is nested too deeply to render: it is shown as plain text.")
        return Rendered(verbatim_html(text), [], [], midad.article_dir, [*budgeted.notices, notice])
    return Rendered(
        sanitize_html(raw), list(midad.hashtags), list(midad.toc.entries), midad.article_dir, budgeted.notices
    )
