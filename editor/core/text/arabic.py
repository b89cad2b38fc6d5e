"""Arabic text helpers: normalisation for matching, word counting, reading time.

Matching ignores what Arabic writers vary freely: tashkeel (harakat, shadda, sukun,
superscript alef, Quranic marks) and tatweel are dropped; أ إ آ ٱ become ا, ى becomes ي,
ة becomes ه; Arabic-Indic and Persian digits become Western digits; Latin letters are
case-folded. The same function serves find/replace, tag comparison and library search.
"""

from __future__ import annotations

import math
import re

TATWEEL = "\u0640"

# Combining marks that do not change which word it is.
_TASHKEEL_RANGES = (
    (0x0610, 0x061A),  # Quranic honorifics and small signs
    (0x064B, 0x065F),  # harakat, tanween, shadda, sukun, maddah/hamza above-below
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),  # Quranic annotation marks
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
)

_FOLD = {
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0622": "\u0627",  # آ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0649": "\u064a",  # ى → ي
    "\u0629": "\u0647",  # ة → ه
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu) digits


def is_tashkeel(ch: str) -> bool:
    """True for an Arabic combining mark that matching ignores."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _TASHKEEL_RANGES)


def _ignorable(ch: str) -> bool:
    return ch == TATWEEL or is_tashkeel(ch)


def _fold_char(ch: str) -> str:
    return _FOLD.get(ch) or ch.lower()


def strip_tashkeel(text: str) -> str:
    """Remove tashkeel and tatweel, leaving the letters as written."""
    return "".join(ch for ch in text if not _ignorable(ch))


# the folds and the ignorable marks as one `str.translate` table (one C pass instead of a Python call a
# character: a million-letter hashtag took seconds to compare)
_MATCH_TABLE: dict[int, str | None] = {ord(k): v for k, v in _FOLD.items()}
_MATCH_TABLE[ord(TATWEEL)] = None
for _lo, _hi in _TASHKEEL_RANGES:
    _MATCH_TABLE.update(dict.fromkeys(range(_lo, _hi + 1)))


def normalize_for_match(text: str) -> str:
    """The matching form of `text` (see module docstring). Not for display or storage."""
    folded = text.translate(_MATCH_TABLE)
    if (
        "\u03a3" in folded
    ):  # capital sigma: `str.lower` of a whole text makes a final ς, one letter at a time not
        return "".join(ch.lower() for ch in folded)
    return folded.lower()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Matching form of `text` plus, for each of its characters, the index in `text` it came from.

    The map has one extra entry, `len(text)`, so a match `norm[a:b]` covers
    `text[index_map[a]:index_map[b]]` once ignorable marks after the last character are included
    (use `original_span`).
    """
    out: list[str] = []
    index_map: list[int] = []
    for i, ch in enumerate(text):
        if _ignorable(ch):
            continue
        folded = _fold_char(ch)
        out.append(folded)
        index_map.extend([i] * len(folded))
    index_map.append(len(text))
    return "".join(out), index_map


def original_span(text: str, index_map: list[int], start: int, end: int) -> tuple[int, int]:
    """Span in the original text of the normalised match `[start, end)`, marks of its last letter included."""
    o_start = index_map[start]
    if end <= start:
        return o_start, o_start
    o_end = index_map[end - 1] + 1
    while o_end < len(text) and _ignorable(text[o_end]):
        o_end += 1
    return o_start, o_end


# --- word counting ---------------------------------------------------------------------------

_FENCE_RE = re.compile(r"^[ \t]*(```|~~~)")
_HTML_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# (linear on any text: scans stop at `(` and newlines, quantifiers that could backtrack are possessive)
_LINK_URL_RE = re.compile(r"\]\([^()\s]*+(?:\s++\"[^\"]*+\")?\)")
_REF_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]\n]++\]:[ \t]*+\S.*$", re.MULTILINE)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[.#]?[A-Za-z][^{}\n]*\}")
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]+>")
# [^\W_] is exactly str.isalnum(); most tokens are all letters, so `isalnum()` answers first.
_HAS_ALNUM = re.compile(r"[^\W_]").search


def strip_markdown_syntax(body: str) -> str:
    """Remove the Markdown that is not prose (link targets, tags, attributes) for counting."""
    text = _HTML_COMMENT_RE.sub(" ", body)
    text = _LINK_URL_RE.sub("]", text)
    text = _REF_DEF_RE.sub("", text)
    text = _AUTOLINK_RE.sub("", text)
    text = _HTML_TAG_RE.sub(" ", text)
    text = _ATTR_LIST_RE.sub("", text)
    lines = [line for line in text.splitlines() if not _FENCE_RE.match(line)]
    return "\n".join(lines)


def count_words(body: str) -> int:
    """Whitespace-separated tokens holding a letter or digit; Markdown syntax is not counted.

    Tashkeel, shadda and tatweel belong to their word: `مُحَمَّد قال` is 2 words.
    """
    return sum(1 for token in strip_markdown_syntax(body).split() if token.isalnum() or _HAS_ALNUM(token))


def count_characters(body: str) -> int:
    """Characters of the prose, not counting line breaks."""
    return len(body) - body.count("\r") - body.count("\n")


DEFAULT_WORDS_PER_MINUTE = 200


def reading_minutes(words: int, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> int:
    """Whole minutes to read `words` at `words_per_minute` (rounded up; 0 for an empty text)."""
    if words_per_minute <= 0:
        raise ValueError("words per minute must be positive")
    return math.ceil(words / words_per_minute) if words > 0 else 0
