"""The printed HTML cut into parts that Qt lays out one `QTextDocument` each (pure Python, no Qt).

Qt's text layout cannot place anything lower than 8,388,607 device pixels (`QFIXED_MAX`): a PDF at
300 dpi stopped after 2,774 A4 pages and silently left the rest of a 16 MB article out (7,484
pages). The PDF and the printed pages are therefore laid out in parts of at most `PART_CHARS`
characters of HTML, each part a run of whole top-level blocks (a paragraph or a part of a long one, a heading, a table,
a list...) with the page's `<head>` and `<body>` opening; a part starts on a new page. The parts
are also what the PDF export lays out in parallel processes.
"""

from __future__ import annotations

import re

TABLE_ROWS = 100  # rows of a printed table piece: Qt draws a page of a table in time growing with the table
PART_CHARS = 600_000  # ~350 A4 pages of prose: far below Qt's height limit at any printer resolution

# a start or end tag (quoted attribute values may hold `<` or `>`), a comment, or a line end
_TOKEN_RE = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>|<!--.*?-->|\n", re.S
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BODY_RE = re.compile(r"<body\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)


def split_page(html: str) -> tuple[str, str, str]:
    """(`<html>…<body …>`, the body's content, `</body></html>`); the head is '' without a `<body>`."""
    match = _BODY_RE.search(html)
    if match is None:
        return "", html, ""
    end = html.rfind("</body>")
    if end < match.end():
        return html[: match.end()], html[match.end() :], ""
    return html[: match.end()], html[match.end() : end], html[end:]


def block_cuts(body: str, chars: int) -> list[int]:
    """Places between two top-level blocks (after a line end or an end tag, before a start tag) that
    cut `body` into runs of about `chars` characters; [] when the body's tags do not nest cleanly (it
    is then kept whole)."""
    cuts: list[int] = []
    depth = 0
    last = 0
    for match in _TOKEN_RE.finditer(body):
        end = match.end()
        name = match.group(2)
        if name is not None and name.lower() not in _VOID and not match.group(3):
            depth += -1 if match.group(1) else 1
            if depth < 0:
                return []
            if not match.group(1):
                continue  # a start tag: no cut right after it
        elif match.group(0) != "\n":
            continue  # a comment, a void or self-closed element
        if (
            depth == 0
            and end - last >= chars
            and body.startswith("<", end)
            and not body.startswith("</", end)
        ):
            cuts.append(end)
            last = end
    return cuts if depth == 0 else []


def split_print_html(html: str, chars: int = PART_CHARS) -> list[str]:
    """`html` (a whole page) as pages of at most about `chars` characters of body each, cut between
    top-level blocks; each part is a whole page with the same head. One part when it is short."""
    if len(html) <= chars:
        return [html]
    head, body, tail = split_page(html)
    cuts = block_cuts(body, chars)
    if not cuts:
        return [html]
    tail = tail or "</body></html>"
    bounds = [0, *cuts, len(body)]
    return [head + body[a:b] + tail for a, b in zip(bounds, bounds[1:], strict=False) if body[a:b].strip()]


def split_big_parts(parts: list[str], chars: int = PART_CHARS) -> list[str]:
    """`parts` with each one over twice `chars` (one huge paragraph or table, which `split_print_html`
    cannot cut) made of smaller blocks — a long table in pieces of `TABLE_ROWS` rows, a long paragraph
    as consecutive paragraphs (`cut_paragraphs`) — and cut again, so that it can be laid out in
    several processes."""
    out: list[str] = []
    for part in parts:
        if len(part) <= 2 * chars:
            out.append(part)
            continue
        head, body, tail = split_page(split_long_tables(part))
        out.extend(split_print_html(head + cut_paragraphs(body, chars // 4) + tail, chars))
    return out


_ENTITY_TAIL_RE = re.compile(r"&[#A-Za-z0-9]*$")


def cut_paragraphs(body: str, chars: int) -> str:
    """`body` with the text of every top-level paragraph cut into paragraphs of about `chars` characters
    (at a space where there is one; never inside a tag, an entity or an inline element). Linear."""
    out: list[str] = []
    depth = 0
    opening = ""  # the start tag of the top-level paragraph we are in ("" elsewhere)
    since = 0  # characters of the paragraph since its start or the last cut
    position = 0
    for match in _TOKEN_RE.finditer(body):
        gap = body[position : match.start()]
        if opening and depth == 1:
            if len(gap) > chars:
                out.append(_cut_text(gap, chars, opening))
                since = 0
            else:
                out.append(gap)
                since += len(gap)
            if since >= chars and match.group(2) and not match.group(1):  # before an inline element
                out.append(f"</p>\n{opening}")
                since = 0
        else:
            out.append(gap)
        out.append(match.group(0))
        since += match.end() - match.start()
        position = match.end()
        name = match.group(2)
        if name is None or name.lower() in _VOID or match.group(3):
            continue
        if match.group(1):
            depth -= 1
            if depth <= 0:
                depth, opening = 0, ""
        else:
            depth += 1
            if depth == 1:
                opening, since = (match.group(0) if name.lower() == "p" else ""), 0
    out.append(body[position:])
    return "".join(out)


def _cut_text(text: str, chars: int, opening: str) -> str:
    pieces = []
    start = 0
    while len(text) - start > chars:
        end = start + chars
        space = text.rfind(" ", start + chars // 2, end)
        end = space + 1 if space > 0 else end
        entity = _ENTITY_TAIL_RE.search(text, max(start, end - 12), end)
        if entity is not None and entity.start() > start:
            end = entity.start()
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return f"</p>\n{opening}".join(pieces)


_TABLE_RE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_THEAD_RE = re.compile(r"<thead\b.*?</thead>\s*", re.S)
_TBODY_RE = re.compile(r"(<tbody\b[^>]*>)(.*)</tbody>", re.S)
_ROW_RE = re.compile(r"<tr\b.*?</tr>\s*", re.S)


def split_long_tables(html: str, rows: int = TABLE_ROWS) -> str:
    """`html` with every table of more than `rows` body rows printed as tables of `rows` rows one after
    the other, each with the header row again (Qt's layout and drawing of one 5,000-row table did not
    finish; in pieces they are linear and can be laid out in parts). Tables holding a table are kept."""

    def pieces(match: re.Match[str]) -> str:
        table = match.group(0)
        if "<table" in table[6:] or table.count("<tr") <= rows + 1:
            return table
        start = table[: table.index(">") + 1]
        head = _THEAD_RE.search(table)
        body = _TBODY_RE.search(table)
        if body is None or head is None or head.end() > body.start():
            return table
        found = _ROW_RE.findall(body.group(2))
        if "".join(found).strip() != body.group(2).strip():
            return table  # something between the rows: left as it is
        return "\n".join(
            f"{start}\n{head.group(0)}{body.group(1)}\n{''.join(found[i : i + rows])}</tbody>\n</table>"
            for i in range(0, len(found), rows)
        )

    return _TABLE_RE.sub(pieces, html) if "<table" in html else html
