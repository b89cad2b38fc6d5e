"""A nesting depth and size budget for HTML before it reaches Qt's rich text (`QTextBrowser`).

Qt lays out nested blocks recursively: 10,000 nested `<ul><li>` froze the window for 53 s in
`setHtml`, 3,000 nested tables crashed it (segmentation fault). Browsers cope (exports keep their
structure), Qt does not, so the preview's HTML passes through `limit_html` first:

- tables nested deeper than `MAX_QT_TABLE_DEPTH` lose their table tags (Qt's table layout time
  doubles with each level), and elements nested deeper than `MAX_QT_DEPTH` lose their tags (their text stays, at the deepest
  level: the structure is flattened, nothing is hidden);
- a run of more than 400 characters without a space gets a ZERO WIDTH SPACE every 400 (Qt's line
  breaking of a 1,000,000-letter "word" took minutes);
- a body longer than `MAX_QT_CHARS` characters is cut at the end of a top-level block (inside
  text at 1.25 times that), and the open elements are closed.
- a paragraph longer than `MAX_QT_BLOCK_CHARS` is shown in parts; a list item or table cell (which
  cannot be: a part would be a new bullet or cell) longer than `MAX_QT_CELL_CHARS` is cut, with " …".

One linear pass over the tags; the notices say what was changed (shown above the preview).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.text.messages import msg

MAX_QT_DEPTH = 48
MAX_QT_TABLE_DEPTH = 8  # Qt's table layout doubles in time with each level: 12 levels 50 ms, 20 levels 13 s
MAX_QT_CHARS = 400_000  # about 0.3 s of layout on the GUI thread
# Qt lays a block (paragraph) out whole: one paragraph of 150,000 characters took 0.35 s of setHtml on the
# GUI thread, 400,000 took 0.8 s (400,000 characters in short paragraphs: 0.02 s). A longer paragraph is
# shown in parts (closed and reopened at a space), about 25 ms each.
MAX_QT_BLOCK_CHARS = 10_000
# A list item or a table cell cannot be shown in parts (a part would be a new bullet or cell): one of
# 400,000 characters held the GUI thread 1.1-1.4 s. The live preview shows its first characters, an
# ellipsis where it is cut, and a notice above the preview.
MAX_QT_CELL_CHARS = 20_000

_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*+(?:>|$)")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th caption colgroup col".split())
_BLOCK_ENDS = frozenset(
    "p li td th tr table ul ol blockquote pre h1 h2 h3 h4 h5 h6 div dl dd dt section".split()
)
# blocks a long text may be split in (closing and reopening a list item or a cell would add a bullet or a cell)
_SPLITTABLE = frozenset("p blockquote pre h1 h2 h3 h4 h5 h6 div dd dt section".split())
_BLOCK_TAG_RE = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK_ENDS)) + r")\b", re.IGNORECASE)


def _longest_block_span(fragment: str) -> int:
    """An upper bound of the characters between two block tags (markup included)."""
    last = longest = 0
    for match in _BLOCK_TAG_RE.finditer(fragment):
        longest = max(longest, match.start() - last)
        last = match.start()
    return max(longest, len(fragment) - last)


def _cut_at(text: str, limit: int) -> int:
    """Where to end a part of `text` of at most `limit` characters: at a space, never inside an entity."""
    position = text.rfind(" ", limit // 2, limit)
    if position <= 0:
        position = limit
    amp = text.rfind("&", 0, position)
    if amp > text.rfind(";", 0, position):
        position = amp
    return position


# a start tag reopened for the next part of a long paragraph leaves out its `id` (an anchor is given
# once) and `data-` attributes (Qt shows none): a 1,000,000-letter hashtag's `data-tag` was repeated in
# each of 200 parts (200 MB of HTML for a 2 MB article)
_REOPEN_DROP_RE = re.compile(r"""\s(?:id|data-[\w-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


def _split_tags(stack: list[tuple[str, bool, str]]) -> tuple[str, str] | None:
    """The end tags closing the innermost splittable block (and the inline elements in it), and the start
    tags reopening them; None when the text is not in such a block (a list item, a cell)."""
    for index in range(len(stack) - 1, -1, -1):
        name, kept, _tag = stack[index]
        if not kept:
            continue
        if name in _SPLITTABLE:
            inner = [entry for entry in stack[index:] if entry[1]]
            reopened = "".join(_REOPEN_DROP_RE.sub("", t) for _n, _k, t in inner)
            return "".join(f"</{n}>" for n, _k, _t in reversed(inner)), reopened
        if name in _BLOCK_ENDS:
            return None
    return None


@dataclass
class LimitedHtml:
    """HTML within the budget, and what was changed to get there."""

    html: str
    notices: list[str] = field(default_factory=list)


def _hard(max_chars: int) -> int:
    return max_chars + max_chars // 4


# 400 characters without a space; an entity (`&amp;`, `&#1576;`) counts as one and is never cut
_LONG_RUN_RE = re.compile(r"(?>&#?\w{1,32};|[^\s<>]){400}")


def _break_long_runs(text: str) -> str:
    """A ZERO WIDTH SPACE every 400 characters of a run without spaces (a 1,000,000-letter "word"
    took Qt's line breaking minutes); text with ordinary words is returned as it is."""
    return _LONG_RUN_RE.sub(lambda m: m.group(0) + "\u200b", text) if len(text) > 400 else text


def limit_html(
    fragment: str,
    max_depth: int = MAX_QT_DEPTH,
    max_chars: int = MAX_QT_CHARS,
    max_block_chars: int | None = MAX_QT_BLOCK_CHARS,
    *,
    split_notice: bool = True,
    max_cell_chars: int | None = MAX_QT_CELL_CHARS,
) -> LimitedHtml:
    """`fragment` with at most `max_depth` nested elements, about `max_chars` characters, and paragraphs
    of at most `max_block_chars` characters of text (None: paragraphs are left whole). `split_notice`:
    say so when paragraphs were split (the PDF, which splits them too, does not). A list item or cell
    longer than `max_cell_chars` is cut there (None: never; the PDF keeps every character)."""
    if (
        len(fragment) <= max_chars
        and fragment.count("<") <= max_depth
        and not _LONG_RUN_RE.search(fragment)
        and (max_block_chars is None or _longest_block_span(fragment) <= max_block_chars)
    ):
        return LimitedHtml(fragment)
    out: list[str] = []
    stack: list[tuple[str, bool, str]] = []  # (tag name, kept, the start tag)
    block_chars = 0  # characters of text since the last block tag
    splits = 0
    cells_cut = 0
    dropping = False  # the rest of a cut list item or cell

    def emit(text: str) -> int:
        """Output `text`; returns how many of its characters are kept (the rest of a cut cell is not)."""
        nonlocal block_chars, splits, cells_cut, dropping
        if dropping:
            return 0
        length = len(text)
        while max_block_chars and block_chars + len(text) > max_block_chars:
            tags = _split_tags(stack)
            if tags is None:
                if max_cell_chars and block_chars + len(text) > max_cell_chars:
                    keep = _cut_at(text, max_cell_chars - block_chars) if block_chars < max_cell_chars else 0
                    out.append(_break_long_runs(text[:keep]) + " …")
                    cells_cut += 1
                    dropping = True
                    return length - len(text) + keep
                break
            cut = _cut_at(text, max_block_chars - block_chars) if block_chars < max_block_chars else 0
            if cut <= 0 and block_chars == 0:
                cut = max_block_chars
            out.append(_break_long_runs(text[:cut]))
            out.append(tags[0] + tags[1])
            text = text[cut:]
            block_chars = 0
            splits += 1
        out.append(_break_long_runs(text))
        block_chars += len(text)
        return length

    kept_depth = 0
    kept_tables = dropped_tables = 0
    open_names: dict[str, int] = {}
    flattened = 0
    cut = False
    position = 0
    size = 0
    for match in _TAG_RE.finditer(fragment):
        text = fragment[position : match.start()]
        if size + len(text) > _hard(max_chars) and not dropping:  # no block ends in time: cut inside it
            emit(text[: _hard(max_chars) - size])
            cut = True
            break
        size += emit(text)
        position = match.end()
        closing, name = match.group(1), match.group(2).lower()
        size += len(match.group(0))
        if name in _BLOCK_ENDS:
            block_chars = 0
            dropping = False
        if name in _VOID:
            out.append(match.group(0))
            continue
        if not closing:
            keep = kept_depth < max_depth and not (name in _TABLE_PARTS and dropped_tables)
            if name == "table":
                keep = keep and kept_tables < MAX_QT_TABLE_DEPTH
                kept_tables += keep
                dropped_tables += not keep
            stack.append((name, keep, match.group(0)))
            open_names[name] = open_names.get(name, 0) + 1
            if keep:
                kept_depth += 1
                out.append(match.group(0))
            else:
                flattened += 1
            continue
        if not open_names.get(name):
            continue  # a stray end tag
        while stack:
            open_name, kept, _tag = stack.pop()
            open_names[open_name] -= 1
            if open_name == "table":
                kept_tables -= kept
                dropped_tables -= not kept
            if kept:
                kept_depth -= 1
                out.append(f"</{open_name}>")
            if open_name == name:
                break
        if size > max_chars and name in _BLOCK_ENDS and kept_depth == 0:
            cut = position < len(fragment)
            break
    else:
        rest = fragment[position:]
        cut = size + len(rest) > _hard(max_chars) and not dropping
        emit(rest[: _hard(max_chars) - size] if cut else rest)
    out.extend(f"</{name}>" for name, kept, _tag in reversed(stack) if kept)
    notices = []
    if flattened:
        notices.append(
            msg(
                "Elements nested deeper than {depth} levels are shown flattened in the preview (the exports keep them).",
                depth=max_depth,
            )
        )
    if splits and split_notice:
        notices.append(
            msg(
                "Paragraphs longer than {count} characters are shown in parts in the preview (the exports keep them whole).",
                count=f"{max_block_chars:,}",
            )
        )
    if cells_cut:
        notices.append(
            msg(
                "List items and table cells longer than {count} characters are shown cut in the preview (the exports hold all of them).",
                count=f"{max_cell_chars:,}",
            )
        )
    if cut:
        notices.append(
            msg(
                "The preview shows the first {count} characters of the article; the exports hold all of it.",
                count=f"{max_chars:,}",
            )
        )
    return LimitedHtml("".join(out), notices)
