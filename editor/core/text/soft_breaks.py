"""Where the editor shows a huge line in pieces (display only: the text itself never changes).

Qt lays out and shapes a whole paragraph again on every keystroke, so a 620 KB paragraph costs
0.4 s per key and a 1 MB line without spaces minutes to open. The editor therefore shows a line
longer than `SOFT_LINE_CHARS` as display pieces of at most `PIECE_CHARS` characters:

- at a space when the piece has one in its second half: that space is *shown* as the line end
  (`SPACE` break: one character for one character, so every text position stays the same);
- else (a run without spaces: a long URL, base64, a flood of `[`) after `PIECE_CHARS` characters,
  not inside a combining sequence (`CUT` break: a zero-width break, positions after it shift by
  one; the editor shows such an article read-only).

`plan_breaks` is linear in the text and `join_pieces` gives back exactly the original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

SOFT_LINE_CHARS = 6_000
PIECE_CHARS = 2_000
SPACE = "space"
CUT = "cut"


@dataclass(frozen=True)
class Break:
    """A display break at Python index `index` of the text: `SPACE` replaces the space at `index`,
    `CUT` goes before the character at `index`."""

    index: int
    kind: str


def _is_joining(ch: str) -> bool:
    """Characters a cut must not go before (they belong to the character before them)."""
    return (
        unicodedata.combining(ch) != 0
        or ch in "\u200c\u200d\ufe0e\ufe0f"
        or "\udc00" <= ch <= "\udfff"
        or unicodedata.category(ch) in ("Mn", "Me", "Cf")
    )


def plan_breaks(text: str, line_chars: int = SOFT_LINE_CHARS, piece_chars: int = PIECE_CHARS) -> list[Break]:
    """The display breaks for every line of `text` (lines split at `\\n`) longer than `line_chars`."""
    breaks: list[Break] = []
    length = len(text)
    line_start = 0
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = length
        if line_end - line_start > line_chars:
            start = line_start
            while line_end - start > piece_chars:
                limit = start + piece_chars
                space = text.rfind(" ", start + piece_chars // 2, limit)
                if space > start:
                    breaks.append(Break(space, SPACE))
                    start = space + 1
                    continue
                cut = limit
                floor = max(start + 1, limit - 32)  # a flood of marks (zero-width…) is cut anyway
                while cut > floor and _is_joining(text[cut]):
                    cut -= 1
                if cut == floor:
                    cut = limit
                breaks.append(Break(cut, CUT))
                start = cut
        line_start = line_end + 1
    return breaks


def display_pieces(text: str, breaks: list[Break]) -> list[str]:
    """`text` cut at `breaks` (a SPACE break's space is left out: the break shows it)."""
    pieces: list[str] = []
    start = 0
    for brk in breaks:
        pieces.append(text[start : brk.index])
        start = brk.index + 1 if brk.kind == SPACE else brk.index
    pieces.append(text[start:])
    return pieces


def join_pieces(pieces: list[str], kinds: list[str | None]) -> str:
    """The text back from display pieces; `kinds[i]` says what separates piece i from piece i+1:
    None (a real newline), SPACE or CUT."""
    out = [pieces[0]]
    for kind, piece in zip(kinds, pieces[1:], strict=True):
        out.append("\n" if kind is None else (" " if kind == SPACE else ""))
        out.append(piece)
    return "".join(out)
