"""A big article rendered in parts, in parallel processes: byte for byte the HTML of one whole render.

Python-Markdown renders one top-level block after another, and the blocks of Midad's articles
do not depend on each other except through a few article-wide things. An article is cut only
where that is safe, and rendered whole otherwise:
- cuts are at a blank line followed by a line that starts a plain paragraph or a heading (a
  letter, `#`, a quote mark or a parenthesis): never inside a list, a quote, a table, an indented
  block or a fenced code block (the fences are found with Python-Markdown's own pattern);
- an article with reference definitions or anything that looks like one (`]:`), footnotes (`[^`),
  abbreviations (`*[`), a `[TOC]` marker, or raw HTML (`<` before a letter, `!`, `?`, `/`) is
  rendered whole: those reach across blocks (an unclosed `<div>` or `<!--` swallows the rest);
- heading ids are made unique article-wide as the whole render makes them: each part reports its
  headings' slugs and `{#id}`s, the ids are redone in document order with Python-Markdown's
  `unique`, and a part whose ids change has them rewritten (or the article is rendered whole
  when a rewrite cannot be done safely).
Each part is normalised, parsed, given its directions and sanitized in a worker process (forked:
the modules are already loaded), and the caller's `finish` (the text export's `html_to_text`, the
Word body writer) runs on each part's HTML there too.
`tests/core/markdown/test_chunked.py` checks the output is identical to the whole render.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.toc import unique

from editor.core.markdown.toc import TocEntry

Finish = Callable[[str], object]  # run in the worker on a part's sanitized HTML (picklable)
MIN_PARALLEL_CHARS = 400_000  # below this a whole render is quicker than starting processes
PART_CHARS = 250_000  # at least this much text per part
_WHOLE_ONLY_RE = re.compile(r"<[A-Za-z!?/]|\]:|\[\^|\*\[|\[TOC\]")
_SAFE_START = frozenset("#\"'“«(")
_HEADING_TAG_RE = re.compile(r'<h[1-6]\b[^>]*?\sid="([^"]*)"')
_FENCE_HINT_RE = re.compile(r"^(?:~{3}|`{3})", re.MULTILINE)


def default_workers() -> int:
    """How many processes to render in: one per core (at most 8), 1 where fork is unavailable."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def normalize(text: str) -> str:
    """What Python-Markdown's `NormalizeWhitespace` makes of `text`, without its final blank lines.

    Idempotent, so each part normalised again stays the same; cuts are chosen on this text.
    """
    text = text.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return re.sub(r"(?<=\n) +\n", "\n", text)


def _fence_spans(text: str) -> list[tuple[int, int]]:
    if _FENCE_HINT_RE.search(text) is None:
        return []
    return [m.span() for m in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(text)]


def split_parts(text: str, parts: int) -> list[str] | None:
    """`text` (normalised) cut into up to `parts` pieces at safe places; None if it must stay whole."""
    if parts < 2 or _WHOLE_ONLY_RE.search(text) is not None:
        return None
    fences = _fence_spans(text)
    cuts = [0]
    size = len(text)
    fence_index = 0
    for k in range(1, parts):
        position = max(k * size // parts, cuts[-1] + 1)
        while True:
            blank = text.find("\n\n", position)
            if blank < 0:
                break
            start = blank + 2
            while start < size and text[start] == "\n":
                start += 1
            position = start
            if start >= size:
                blank = -1
                break
            while fence_index < len(fences) and fences[fence_index][1] <= start:
                fence_index += 1
            if fence_index < len(fences) and fences[fence_index][0] < start:
                position = fences[fence_index][1]
                continue
            first = text[start]
            if first.isalpha() or first in _SAFE_START:
                cuts.append(start)
                break
        if blank < 0:
            break
    if len(cuts) < 2:
        return None
    cuts.append(size)
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def head_of(text: str, chars: int) -> str | None:
    """The beginning of the body `text`, cut at the first safe place after `chars` characters (as
    `split_parts` cuts); None when the body is not much longer, or must be rendered whole."""
    if len(text) <= chars + chars // 4:
        return None
    normal = normalize(text)
    parts = split_parts(normal, max(2, len(normal) // chars))
    return parts[0] if parts and len(parts) > 1 else None


@dataclass
class Part:
    """One part's render: sanitized HTML, hashtags, headings (entries and their keys), `finish(html)`."""

    html: str
    hashtags: list[str]
    entries: list[TocEntry]
    keys: list[tuple[str | None, str]]
    html_ids: list[str]
    finished: object


def render_part(text: str, article_dir: str, isolate_numbers: bool, finish: Finish | None) -> Part:
    """Render one part as `render_body` renders a whole body (the budget was applied to the whole)."""
    from editor.core.markdown.render import _markdown
    from editor.core.markdown.sanitize import sanitize_html

    md, midad = _markdown()
    md.reset()
    midad.article_dir = article_dir
    midad.isolate_numbers = isolate_numbers
    safe = sanitize_html(md.convert(text))
    finished = finish(safe) if finish is not None else None
    ids = _HEADING_TAG_RE.findall(safe) if midad.toc.entries else []
    return Part(safe, list(midad.hashtags), list(midad.toc.entries), list(midad.toc.keys), ids, finished)


def _article_ids(keys: list[tuple[str | None, str]]) -> list[str]:
    """The heading ids a whole render gives (the algorithm of `toc.TocTreeprocessor.run`)."""
    ids: set[str] = set()
    taken = {explicit for explicit, _ in keys if explicit}
    counters: dict[str, int] = {}
    result = []
    for explicit, slug in keys:
        if explicit and explicit not in ids:
            ids.add(explicit)
            taken.add(explicit)
            result.append(explicit)
        else:
            el_id = unique(slug, taken, counters)
            ids.add(el_id)
            taken.add(el_id)
            result.append(el_id)
    return result


def _rewrite_ids(part: Part, new_ids: list[str]) -> Part | None:
    """`part` with its heading ids replaced by `new_ids`; None when its HTML cannot be trusted for it."""
    old_ids = [entry.id for entry in part.entries]
    if old_ids == new_ids:
        return part
    if part.html_ids != [html.escape(i) for i in old_ids] or any(html.escape(i) != i for i in new_ids):
        return None
    matches = iter(new_ids)

    def swap(match: re.Match[str]) -> str:
        start, end = match.span(1)
        whole = match.group(0)
        offset = match.start(0)
        return whole[: start - offset] + next(matches) + whole[end - offset :]

    part.html = _HEADING_TAG_RE.sub(swap, part.html)
    part.entries = [TocEntry(e.level, i, e.title) for e, i in zip(part.entries, new_ids, strict=True)]
    return part


@dataclass
class ChunkedRender:
    """The whole article's render put together from its parts."""

    html: str
    hashtags: list[str]
    toc: list[TocEntry]
    finished: list[object] | None  # `finish` of each part's HTML, in order (None without `finish`)


def render_chunked(
    text: str, article_dir: str, isolate_numbers: bool, workers: int, finish: Finish | None = None
) -> ChunkedRender | None:
    """Render the budgeted body `text` in parts on `workers` processes; None when it must be whole."""
    if workers < 2 or len(text) < MIN_PARALLEL_CHARS:
        return None
    pieces = split_parts(normalize(text), min(workers * 3, max(2, len(text) // PART_CHARS)))
    if pieces is None or len(pieces) < 2:
        return None
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(pieces)), mp_context=context) as pool:
            parts = list(
                pool.map(
                    render_part,
                    pieces,
                    [article_dir] * len(pieces),
                    [isolate_numbers] * len(pieces),
                    [finish] * len(pieces),
                )
            )
    except (RecursionError, OSError, BrokenProcessPool):  # the whole render knows what to do with those
        return None
    article_ids = iter(_article_ids([key for part in parts for key in part.keys]))
    fixed: list[Part] = []
    for part in parts:
        new = _rewrite_ids(part, [next(article_ids) for _ in part.keys])
        if new is None:
            return None
        fixed.append(new)
    hashtags: dict[str, None] = {}
    for part in fixed:
        hashtags.update(dict.fromkeys(part.hashtags))
    finished = [p.finished for p in fixed] if finish is not None else None
    return ChunkedRender(
        "\n".join(p.html for p in fixed), list(hashtags), [e for p in fixed for e in p.entries], finished
    )
