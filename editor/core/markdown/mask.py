"""Blank out the Markdown that is not prose (code, links, URLs, raw HTML, definitions).

`mask_non_prose(markdown)` returns a string of the same length with those parts replaced by
spaces, so regex scans over prose (hashtags) keep valid offsets. It follows Python-Markdown 3's
own rules where they matter (code-span pairing, fences that must close, raw HTML blocks that
run to their closing tag, references that exist), so the tag panel and the renderer agree.
"""

from __future__ import annotations

import re

# Bare URLs (`https://example.com/#frag`): a `#` inside is never a tag.
# Each branch starts with a literal and checks what precedes it afterwards (a faster scan); the
# URL stops at HTML, entities, escapes and Markdown placeholders.
BARE_URL_RE = re.compile(r"(?:h(?<![\w#-]h)ttps?://|f(?<![\w#-]f)tp://|w(?<![\w#-]w)ww\.)[^\s<&\\\x02]+")

# Python-Markdown attribute lists (`{: #id .class}`, `{dir=ltr}`): never tags inside.
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[#.\w][^{}\n]*\}")


# Python-Markdown's fenced_code: the fence at the start of a line, an optional language or
# {attributes}, and a closing line with exactly the same fence — without one it is no block.
_FENCE_OPEN_RE = re.compile(
    r"^(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=([\"']).*?\2[ ]*)?)$"
)


def _fence_closes(lines: list[str], start: int, fence: str) -> bool:
    return any(line.rstrip(" ") == fence for line in lines[start:])


_QUOTE_PREFIX_RE = re.compile(
    r"^(?:[ ]{0,3}(?:[-*+]|\d+[.)])[ ]+)?(?:[ ]{0,3}>[ ]?)+"
)  # (in a list item too)
_LIST_ITEM_RE = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])[ \t]")
_HTML_BLOCK_RE = re.compile(
    r"^[ ]{0,3}<(?:!--|(?:address|article|aside|blockquote|body|canvas|center|dd|details|dialog|dir|div|dl|"
    r"dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|html|iframe|legend|li|main|math|"
    r"menu|nav|noscript|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video)\b)",
    re.IGNORECASE,
)


def is_html_block_start(line: str) -> bool:
    """True when `line` opens a raw HTML block (a block-level tag or a comment at its start)."""
    return _HTML_BLOCK_RE.match(line) is not None


def html_block_end(lines: list[str], start: int, stop_at_blank: bool = False) -> tuple[int, int]:
    """`(line, column)` just after the raw HTML block opening at `lines[start]`.

    As Python-Markdown: the block runs to its first tag's closing tag (same-name tags nest),
    blank lines included; text after that tag on the same line is Markdown again. An unclosed
    block runs to the end. With `stop_at_blank` (the editor's layout) a blank line also ends it.
    """
    first = lines[start].lstrip(" ")
    if first.startswith("<!--"):
        opening, closing = None, re.compile("-->")
    else:
        name = re.match(r"<([A-Za-z][A-Za-z0-9]*)", first).group(1)
        opening = re.compile(rf"<{name}\b", re.IGNORECASE)
        closing = re.compile(rf"</{name}\s*>", re.IGNORECASE)
    depth = 0
    for index in range(start, len(lines)):
        if stop_at_blank and index > start and not lines[index].strip():
            return index - 1, len(lines[index - 1])
        events = sorted(
            [(m.start(), 1, m.end()) for m in (opening.finditer(lines[index]) if opening else ())]
            + [(m.start(), -1, m.end()) for m in closing.finditer(lines[index])]
        )
        for _pos, step, end in events:
            depth += step
            if depth <= 0:
                return index, end
    return len(lines), 0


_INLINE_MASKS = (
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>"),  # autolinks
    re.compile(r"</?[a-zA-Z][^<>@ ]*(?: [^<>]*)?>"),  # raw inline HTML tags (Python-Markdown's HTML_RE)
    # (links are masked here, by _mask_links)
    re.compile(r"^[ ]{0,3}\[(?!\^)[^\[\]\n]*\]:[ \t]*\S.*$", re.MULTILINE),  # reference definitions
    # attribute lists (not after an escaping backslash) and bare URLs, leftmost first as the renderer
    re.compile(rf"(?<!\\)(?:\\\\)*{ATTR_LIST_RE.pattern}|{BARE_URL_RE.pattern}"),
    re.compile(r"^\*\[[^\\]*?\][ ]?:.*$", re.MULTILINE),  # abbreviation definitions
)


_HEADING_LINE_RE = re.compile(r"^#{1,6}(?:[ \t]|$)")
_CONTAINER_PREFIX_RE = re.compile(r"^(?:[ ]{0,3}(?:[-*+]|\d+[.)])[ ]+|[ ]{0,3}>[ ]?)*")
_HR_LINE_RE = re.compile(r"^[ ]{0,3}([-*_])(?:[ ]*\1){2,}[ ]*$")


def _inline_chunks(text: str) -> list[tuple[int, int]]:
    """Spans of text that Python-Markdown gives the inline patterns as one piece (approximately):
    paragraphs, with headings and list items on their own. Code spans never cross them."""
    bounds = [0]
    offset = 0
    previous_heading = False
    previous_blank = True
    in_list = False  # list items split a block only inside a list (they cannot interrupt a paragraph)
    previous_quote = False
    for line in text.split("\n"):
        blank = not line.strip()
        content = _CONTAINER_PREFIX_RE.sub("", line, count=1)  # a heading may sit in an item or quote
        heading = bool(_HEADING_LINE_RE.match(content) or _HR_LINE_RE.match(line))
        item = bool(_LIST_ITEM_RE.match(line))
        quote = bool(_QUOTE_PREFIX_RE.match(line))
        if previous_blank and not blank:
            in_list = item
        starts_quote = quote and not previous_quote
        if offset and (blank or heading or previous_heading or (item and in_list) or starts_quote):
            bounds.append(offset)
        previous_heading, previous_blank = heading, blank
        previous_quote = quote or (previous_quote and not blank)  # lazy continuation lines
        offset += len(line) + 1
    bounds.append(len(text))
    return list(zip(bounds, bounds[1:], strict=False))


def _code_span_end(text: str, start: int, last: int) -> tuple[int, int | None]:
    """Python-Markdown 3's code-span pairing from the backtick run at `start` (its `find_code_spans`).

    Returns `(content_start, content_end)`, or `(after_the_run, None)` when the run is literal.
    """
    ticks = 0
    while start < last and text[start] == "`":
        ticks += 1
        start += 1
    longest = end = 0
    i = start
    while i < last:
        run = 0
        while i < last and text[i] == "`":
            run += 1
            i += 1
        if not run:
            i += 1
            continue
        if run == ticks:
            return start, i - run
        if run > longest:
            longest, end = run, i
    if 0 < longest < ticks:
        return start - (ticks - longest), end - longest
    return start + ticks, None  # (sic: Python-Markdown skips the run's length twice)


def _mask_code_spans(text: str) -> str:
    """Blank out inline code spans, paired as Python-Markdown pairs them, within each paragraph."""
    if "`" not in text:
        return text
    chars = list(text)
    for chunk_start, chunk_end in _inline_chunks(text):
        i = chunk_start
        while True:
            j = text.find("`", i, chunk_end)
            if j < 0:
                break
            backslashes = len(text[chunk_start:j]) - len(text[chunk_start:j].rstrip("\\"))
            if backslashes % 2:
                i = j + 1  # an escaped backtick is literal
                continue
            start, end = _code_span_end(text, j, chunk_end)
            if end is None:
                i = start
                continue
            stop = end + (start - j)
            for k in range(j, stop):
                if chars[k] != "\n":
                    chars[k] = " "
            i = stop
    return "".join(chars)


_LINKS_AT = 3  # index in _INLINE_MASKS before which links are masked


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


# links and images: [text](target) always, [text][ref] when `ref` is defined — text and target alike
_LINK_RE = re.compile(
    r"!?\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"(?:(?P<target>\((?:[^()\n]|\([^()\n]*\))*\))|\[(?P<ref>[^\]\n]*)\])"
)
_REF_DEF_ID_RE = re.compile(r"^[ ]{0,3}\[(?!\^)([^\[\]\n]*)\]:", re.MULTILINE)


def _mask_links(text: str, defined: set[str]) -> str:
    if "[" not in text:
        return text
    parts: list[str] = []
    last = position = 0
    while (match := _LINK_RE.search(text, position)) is not None:
        if match.group("target") is None:
            ref = match.group("ref") or match.group("text")
            if " ".join(ref.lower().split()) not in defined:
                position = match.start() + 1  # not a link: its second bracket may start one
                continue
        parts.append(text[last : match.start()])
        parts.append(_blank(match))
        last = position = match.end()
    parts.append(text[last:])
    return "".join(parts)


def _mask_blocks(lines: list[str]) -> list[str]:
    """Blank out fenced code, indented code and raw HTML blocks, keeping line lengths."""
    out: list[str] = []
    fence: str | None = None
    in_list = False
    prev_blank = True
    in_indented_code = False
    html_until = (-1, 0)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index <= html_until[0]:
            column = len(line) if index < html_until[0] else html_until[1]
            out.append(" " * column + line[column:])
            prev_blank = False
            continue
        if fence is not None:
            out.append(" " * len(line))
            if line.rstrip(" ") == fence:
                fence = None
            continue
        opener = _FENCE_OPEN_RE.match(line)
        if opener and _fence_closes(lines, index + 1, opener.group(1)):
            fence = opener.group(1)
            out.append(" " * len(line))
            prev_blank = False
            continue
        if not stripped:
            out.append(line)
            prev_blank = True
            if index == 0 and line:  # Python-Markdown keeps a first line of spaces in its block
                prev_blank = False
                in_indented_code = len(line.expandtabs(4)) >= 4
            continue
        quote = _QUOTE_PREFIX_RE.match(line)
        content = line[quote.end() :] if quote else line  # indented code also lives in quotes
        if quote and not content.strip():
            out.append(line)
            prev_blank = True
            continue
        expanded = content.expandtabs(4)
        indented = len(expanded) - len(expanded.lstrip(" ")) >= 4
        if indented and (in_indented_code or (prev_blank and not in_list)):
            in_indented_code = True
            out.append(" " * len(line))
            prev_blank = False
            continue
        in_indented_code = False
        if _HTML_BLOCK_RE.match(line):
            html_until = html_block_end(lines, index)
            column = len(line) if index < html_until[0] else html_until[1]
            out.append(" " * column + line[column:])
            prev_blank = False
            continue
        if _LIST_ITEM_RE.match(line):
            in_list = True
        elif not indented and prev_blank:
            in_list = False
        out.append(line)
        # a heading or rule ends its block: an indented line after it starts a code block
        prev_blank = bool(not indented and (_HEADING_LINE_RE.match(line) or _HR_LINE_RE.match(line)))
    return out


def mask_non_prose(markdown: str, only_if: str | None = None) -> str:
    """`markdown` with code, links, URLs, raw HTML and attribute lists replaced by spaces.

    Same length and line breaks as the input, so offsets stay valid. With `only_if`, inline
    syntax is masked only in the blocks that contain that character (a shortcut for scans that
    look for it, e.g. `#`).
    """
    text = _mask_code_spans("\n".join(_mask_blocks(markdown.split("\n"))))
    defined = {" ".join(m.group(1).lower().split()) for m in _REF_DEF_ID_RE.finditer(markdown)}
    pieces = []
    for start, end in _inline_chunks(text):  # inline syntax never spans two blocks
        piece = text[start:end]
        if only_if is not None and only_if not in piece:
            pieces.append(piece)
            continue
        for index, pattern in enumerate(_INLINE_MASKS):
            if index == _LINKS_AT:
                piece = _mask_links(piece, defined)
            piece = pattern.sub(_blank, piece)
        pieces.append(piece)
    return "".join(pieces)
