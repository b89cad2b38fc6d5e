"""Markdown formatting edits as pure text functions (the editor's Bold, Heading, Quote, List... actions).

Each function takes the lines or the line that the selection touches and returns the new text;
the editor replaces exactly those lines in one undoable step.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from editor.core.markdown.mask import mask_non_prose
from editor.core.text.direction import (
    OVERRIDE_RE,
    insert_number_marks,
    line_directions,
    number_runs,
    paragraph_direction,
)

HORIZONTAL_RULE = "---"
LINK_PLACEHOLDER = "https://"

_HEADING_RE = re.compile(r"^(\s{0,3})(#{1,6})[ \t]+")
_QUOTE_RE = re.compile(r"^(\s{0,3})>[ \t]?")
_BULLET_RE = re.compile(r"^(\s*)[-*+][ \t]+")
_NUMBER_RE = re.compile(r"^(\s*)\d{1,9}[.)][ \t]+")


def toggle_inline(line: str, start: int, end: int, marker: str) -> tuple[str, int, int]:
    """Wrap `line[start:end]` in `marker` (`**` bold, `*` italic), or unwrap it if already wrapped.

    Returns the new line and the new selection. An empty selection inserts the pair of markers
    with the selection between them, ready for typing.
    """
    n = len(marker)
    selected = line[start:end]
    if len(selected) >= 2 * n and selected.startswith(marker) and selected.endswith(marker):
        inner = selected[n:-n]
        return line[:start] + inner + line[end:], start, start + len(inner)
    if (
        line[max(0, start - n) : start] == marker
        and line[end : end + n] == marker
        and (n == 2 or line[max(0, start - 2) : start] != "**" or line[end : end + 2] != "**")
    ):
        return line[: start - n] + selected + line[end + n :], start - n, end - n
    return line[:start] + marker + selected + marker + line[end:], start + n, end + n


# Letters and digits, tashkeel and other combining marks, tatweel, ZWNJ/ZWJ: one word.
_WORD_JOINERS = frozenset("\u0640\u200c\u200d")


def is_word_char(ch: str) -> bool:
    """True for a character that belongs to a word (Arabic tashkeel and tatweel included)."""
    return ch.isalnum() or ch in _WORD_JOINERS or unicodedata.category(ch).startswith("M")


def word_span(line: str, position: int) -> tuple[int, int] | None:
    """The `[start, end)` of the word the caret at `position` touches (inside it or at either edge).

    Words are bounded by spaces and punctuation (Markdown marks included); tashkeel belongs to its
    word. None when the caret is between words (spaces or punctuation on both sides).
    """
    start = end = max(0, min(position, len(line)))
    while start > 0 and is_word_char(line[start - 1]):
        start -= 1
    while end < len(line) and is_word_char(line[end]):
        end += 1
    return (start, end) if start < end else None


def format_inline(line: str, start: int, end: int, marker: str) -> tuple[str, int, int]:
    """Bold/italic as the editor applies it: returns the new line and the new `(anchor, caret)`.

    A selection is wrapped (or unwrapped) and stays selected. With no selection (`start == end`)
    the word under the caret is formatted and the caret keeps its place in it (shifted by the
    marks); between words an empty pair is inserted with the caret inside, so a word is never
    split by marks (`ا****لأمن`).
    """
    if start != end:
        return toggle_inline(line, start, end, marker)
    span = word_span(line, start)
    if span is None:
        new_line, caret, _ = toggle_inline(line, start, start, marker)
        return new_line, caret, caret
    new_line, new_start, _ = toggle_inline(line, span[0], span[1], marker)
    caret = start + (new_start - span[0])
    return new_line, caret, caret


def link_at_caret(line: str, position: int) -> tuple[str, int]:
    """Ctrl+K with no selection: the word under the caret becomes `[word]()` with the caret in the
    parentheses for typing the address; between words `[]()` with the caret in the brackets."""
    span = word_span(line, position)
    if span is None:
        return line[:position] + "[]()" + line[position:], position + 1
    start, end = span
    return line[:start] + f"[{line[start:end]}]()" + line[end:], end + 3


def shift_column(old: str, new: str, column: int) -> int:
    """Where a caret at `column` of `old` belongs in `new`, a line changed in one place (a prefix
    added or removed, a mark appended): text after the change keeps the caret beside the same
    character; a caret inside removed text goes to where the removal was."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    after_change = column >= len(old) - suffix
    before_change = column <= prefix
    if after_change and before_change:  # text inserted at the caret: marks at a line start go
        return column + len(new) - len(old) if column == 0 else column  # before it, others after
    if after_change:
        return column + len(new) - len(old)
    if before_change:
        return column
    return len(new) - suffix


def shift_column_for_insertions(old: str, new: str, column: int) -> int:
    """Where a caret at `column` of `old` belongs in `new`, which is `old` with characters inserted
    (invisible marks): the caret stays just after the same characters of `old`."""
    j = 0
    for i in range(min(column, len(old))):
        while j < len(new) and new[j] != old[i]:
            j += 1
        j += 1
    return min(j, len(new))


def make_link(selected: str) -> tuple[str, int, int]:
    """`[selected](https://)` and the span of the target inside it, selected for typing the address."""
    text = selected or "رابط"
    if re.match(r"^(https?://|www\.)\S+$", text):
        link = f"[{text}]({text})"
        return link, 1, 1 + len(text)
    link = f"[{text}]({LINK_PLACEHOLDER})"
    target = len(text) + 3
    return link, target, target + len(LINK_PLACEHOLDER)


def set_heading(lines: list[str], level: int) -> list[str]:
    """Make every non-blank line a heading of `level`; lines already at that level become paragraphs."""
    if not 1 <= level <= 6:
        raise ValueError("heading level must be 1 to 6")
    marks = "#" * level
    content = [line for line in lines if line.strip()]
    all_at_level = bool(content) and all(
        (m := _HEADING_RE.match(line)) is not None and m.group(2) == marks for line in content
    )
    out = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        bare = _HEADING_RE.sub(r"\1", line, count=1)
        out.append(bare if all_at_level else f"{marks} {bare.lstrip()}")
    return out


def _toggle_prefix(lines: list[str], pattern: re.Pattern[str], make: Callable[[str, int], str]) -> list[str]:
    content = [line for line in lines if line.strip()]
    remove = bool(content) and all(pattern.match(line) for line in content)
    out = []
    number = 0
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        if remove:
            out.append(pattern.sub(r"\1", line, count=1))
            continue
        number += 1
        bare = line
        for other in (_BULLET_RE, _NUMBER_RE, _QUOTE_RE):
            if other is not pattern and other is not _QUOTE_RE:
                bare = other.sub(r"\1", bare, count=1)
        out.append(make(bare, number))
    return out


def toggle_quote(lines: list[str]) -> list[str]:
    """Add `> ` before every line (blank lines too, so the quote stays one block), or remove it."""
    content = [line for line in lines if line.strip()]
    if content and all(_QUOTE_RE.match(line) for line in content):
        return [_QUOTE_RE.sub(r"\1", line, count=1) for line in lines]
    return [f"> {line}" if line.strip() else ">" for line in lines]


def toggle_bullets(lines: list[str]) -> list[str]:
    """Make every non-blank line a `- ` list item, or remove the markers if all have one."""
    return _toggle_prefix(lines, _BULLET_RE, lambda bare, _n: f"- {bare.lstrip()}")


def toggle_numbers(lines: list[str]) -> list[str]:
    """Number the non-blank lines `1.`, `2.`…, or remove the numbers if all are numbered."""
    return _toggle_prefix(lines, _NUMBER_RE, lambda bare, n: f"{n}. {bare.lstrip()}")


def toggle_direction(paragraph_lines: list[str], article_dir: str = "rtl") -> list[str]:
    """Flip the paragraph's direction with the renderer's trailing override (`{dir=ltr}`/`{dir=rtl}`).

    The override is written only when the automatic direction differs from the wanted one;
    an override that is no longer needed is removed.
    """
    if not any(line.strip() for line in paragraph_lines):
        return paragraph_lines
    text = "\n".join(paragraph_lines)
    current = paragraph_direction(text, article_dir)
    wanted = "ltr" if current == "rtl" else "rtl"
    last = max(i for i, line in enumerate(paragraph_lines) if line.strip())
    lines = list(paragraph_lines)
    lines[last] = OVERRIDE_RE.sub("", lines[last]).rstrip()
    if paragraph_direction("\n".join(lines), article_dir) != wanted:
        lines[last] = f"{lines[last]} {{dir={wanted}}}"
    return lines


_CONTINUE_RE = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})([.)])|(>))([ \t]+)(.*)$")


def continue_line(line: str) -> tuple[str, bool] | None:
    """What Enter does at the end of a list item or quote line.

    Returns `(prefix, end_block)`: the prefix for the next line (`- `, `3. `, `> `), or, when
    `end_block` is True, the line is an empty item and the writer is leaving the list: the item's
    marker becomes the blank line that ends it. None for an ordinary line.
    """
    match = _CONTINUE_RE.match(line)
    if match is None:
        if line.rstrip() == ">":
            return "", True
        return None
    indent, bullet, number, delimiter, quote, space, rest = match.groups()
    if not rest.strip():
        return "", True
    if bullet:
        return f"{indent}{bullet}{space}", False
    if number:
        return f"{indent}{int(number) + 1}{delimiter}{space}", False
    return f"{indent}{quote}{space}", False


def keep_number_order(body: str, article_dir: str = "rtl") -> str:
    """`body` with an invisible LEFT-TO-RIGHT MARK where a number run (`03-73`, `2024-05-12`)
    would otherwise show reversed in a right-to-left paragraph.

    The same marks the renderer adds to HTML, written into the text at the writer's request, so the
    editor, every export and a CMS all show the numbers in order. Code, links, URLs and raw HTML are
    left alone; running it twice changes nothing more.
    """
    masked = mask_non_prose(body).split("\n")
    lines = body.split("\n")
    directions = line_directions(body, article_dir)
    return "\n".join(
        insert_number_marks(line, number_runs(masked_line, "rtl")) if direction == "rtl" else line
        for line, masked_line, direction in zip(lines, masked, directions, strict=True)
    )
