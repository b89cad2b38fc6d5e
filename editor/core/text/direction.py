"""Direction model: the one place that decides article and paragraph direction.

The editor, the live preview and every export call these functions; nothing else decides.
The rule is documented with examples in `docs/direction.md`. In short:

1. An explicit trailing `{dir=ltr}` / `{dir=rtl}` (attr_list syntax) on a paragraph wins.
2. Otherwise Markdown syntax, code, URLs and e-mail addresses are skipped and the remaining
   *words* are classified by their first strong letter (Unicode bidi class R/AL → RTL, L → LTR);
   numbers, punctuation, `#` and emoji are neutral.
3. RTL if at least 40 % of those words are RTL — or at least 25 % when the first word is RTL.
   Arabic copy is full of Latin names, brands and acronyms (`Apple تعلن عن …`, `«BBC» قالت …`,
   `أعلنت Microsoft Corporation`), while LTR copy rarely carries Arabic beyond a quoted word
   (`The minister said «نعم».`), hence the tilt toward RTL.
4. No words at all (empty, numbers only, punctuation): the article direction.
"""

from __future__ import annotations

import re
import unicodedata

RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "sd", "ckb", "ug", "dv", "syr", "ku-arab"})

RTL_SHARE = 0.40  # RTL when this share of words is RTL …
RTL_SHARE_AFTER_RTL_START = 0.25  # … or this share when the first word is RTL.

# A trailing `{dir=ltr}` / `{: dir="rtl"}` on a paragraph's last line is an explicit override.
OVERRIDE_RE = re.compile(
    r"(?<![ \t])[ \t]*+\{:?[ \t]*+dir=[\"']?(rtl|ltr)[\"']?[ \t]*\}[ \t]*$", re.IGNORECASE
)

# Every pattern runs in linear time on any text (they see untrusted files, on the GUI thread too):
# each starts at a literal or at the start of a run (a lookbehind), uses possessive quantifiers where
# it could backtrack, and stops its scans at a character that cannot be skipped over (`(`, newline).
# tests/core/text/test_direction_linear.py checks them at 10× and 100× the sizes of real text.
_SKIP_RES = (
    re.compile(r"(?<!`)(`++)[^`]*+\1"),  # code spans
    re.compile(r"\]\([^()\n]*+(?:\([^()\n]*+\)[^()\n]*+)*+\)"),  # link targets (one level of parentheses)
    re.compile(r"^[ \t]{0,3}\[[^\]\n]++\]:.*$", re.MULTILINE),  # reference definitions
    re.compile(r"<[^<>]++>"),  # HTML tags and autolinks
    re.compile(r"&#?\w++;"),  # HTML entities
    # bare URLs and e-mail (an address starts where a run of address characters starts)
    re.compile(r"(?:https?|ftp)://\S++|www\.\S++|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.-]++"),
    re.compile(r"\{:?[ \t]*[#.\w][^{}\n]*+\}"),  # attribute lists
)

_LIST_ITEM_RE = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)")
_HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$)")
_FENCE_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


# Letters of right-to-left scripts (bidi class R or AL): Hebrew, Arabic, Syriac, Thaana, NKo,
# Samaritan, Mandaic, Arabic supplements and presentation forms, and the RTL SMP blocks.
_RTL_LETTER_RE = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


# BMP right-to-left letters, deleted by str.translate to count them fast; astral ones by regex.
_BMP_RTL_DELETE = dict.fromkeys(
    [*range(0x0590, 0x0900), *range(0xFB1D, 0xFE00), *range(0xFE70, 0xFEFD)], None
)
_ASTRAL_RTL_RE = re.compile("[\U00010800-\U00010fff\U0001e800-\U0001efff]")


def _count_rtl(letters: str) -> int:
    count = len(letters) - len(letters.translate(_BMP_RTL_DELETE))
    if letters and max(letters) > "\uffff":
        count += len(_ASTRAL_RTL_RE.findall(letters))
    return count


_NOT_A_LETTER_RE = re.compile(r"[\W\d_]")


def _first_letter(word: str) -> str | None:
    first = word[0]
    if first.isalpha():
        return first
    return next((ch for ch in word if ch.isalpha()), None)


def _is_rtl_letter(ch: str) -> bool:
    return "\u0590" <= ch <= "\u08ff" or (ch > "\u08ff" and _RTL_LETTER_RE.match(ch) is not None)


def word_directions(text: str) -> list[str]:
    """`"rtl"`/`"ltr"` for every whitespace-separated word of plain text that has a letter.

    A word's direction is its first letter's (Unicode bidi class R/AL → rtl, other letters → ltr).
    """
    result = []
    for word in text.split():
        letter = _first_letter(word)
        if letter is not None:
            result.append("rtl" if _is_rtl_letter(letter) else "ltr")
    return result


WordStats = tuple[str | None, int, int]  # (direction of the first word, RTL words, all words)


def _first_letters(text: str) -> str:
    """The first letter of every word, as one string (fast path: words that start with a letter)."""
    words = text.split()
    firsts = "".join([word[0] for word in words])
    if firsts.isalpha():
        return firsts
    chars = list(firsts)
    for match in _NOT_A_LETTER_RE.finditer(firsts):  # only the words that start otherwise
        chars[match.start()] = _first_letter(words[match.start()]) or ""
    return "".join(chars)


def word_stats(text: str) -> WordStats:
    """The word counts the rule needs, for plain text; combine pieces with `merge_stats`."""
    letters = _first_letters(text)
    if not letters:
        return (None, 0, 0)
    return ("rtl" if _is_rtl_letter(letters[0]) else "ltr", _count_rtl(letters), len(letters))


def merge_stats(a: WordStats, b: WordStats) -> WordStats:
    """Stats of the text of `a` followed by the text of `b`."""
    return (a[0] or b[0], a[1] + b[1], a[2] + b[2])


def decide(stats: WordStats, default: str = "rtl") -> str:
    """The rule of the module docstring applied to word stats."""
    first, rtl, total = stats
    if not total:
        return default
    threshold = RTL_SHARE_AFTER_RTL_START if first == "rtl" else RTL_SHARE
    return "rtl" if rtl / total >= threshold else "ltr"


def text_direction(text: str, default: str = "rtl") -> str:
    """Direction of plain (already rendered) text by the word rule; `default` when it has no words."""
    return decide(word_stats(text), default)


def paragraph_override(text: str) -> str | None:
    """The explicit direction written at the end of a paragraph (`{dir=ltr}`), or None."""
    match = OVERRIDE_RE.search(text.rstrip("\r\n"))
    return match.group(1).lower() if match else None


def set_paragraph_override(text: str, direction: str | None) -> str:
    """`text` (one paragraph of Markdown) with its override set to `direction`, or removed for None."""
    if direction not in (None, "rtl", "ltr"):
        raise ValueError(f"direction must be 'rtl', 'ltr' or None, not {direction!r}")
    trailing = text[len(text.rstrip("\r\n")) :]
    core = OVERRIDE_RE.sub("", text.rstrip("\r\n"))
    if direction:
        core = f"{core} {{dir={direction}}}" if core else f"{{dir={direction}}}"
    return core + trailing


def strip_markdown_for_direction(text: str) -> str:
    """Markdown text without the parts that must not vote: code, URLs, tags, attribute lists."""
    for pattern in _SKIP_RES:
        text = pattern.sub(" ", text)
    return text


def paragraph_direction(text: str, default: str = "rtl") -> str:
    """`"rtl"` or `"ltr"` for one Markdown paragraph (or heading, list item, table, quote...).

    An explicit `{dir=…}` override wins; otherwise the word rule of the module docstring on the
    text without Markdown syntax, URLs and code. No letters at all: `default`.
    """
    override = paragraph_override(text)
    if override:
        return override
    return text_direction(strip_markdown_for_direction(text), default)


def article_direction(meta: dict, body: str = "") -> str:
    """Front matter `dir`, else from `lang`, else from the text; `rtl` for an empty article."""
    explicit = str(meta.get("dir") or "").strip().lower()
    if explicit in ("rtl", "ltr"):
        return explicit
    lang = str(meta.get("lang") or "").strip().lower().replace("_", "-")
    if lang:
        return "rtl" if lang in RTL_LANGS or lang.split("-")[0] in RTL_LANGS else "ltr"
    return text_direction(strip_markdown_for_direction(body), "rtl")


def article_lang(meta: dict, direction: str) -> str:
    """The `lang` of a page: front matter `lang`, else `ar` for RTL and `en` for LTR."""
    lang = str(meta.get("lang") or "").strip()
    return lang or ("ar" if direction == "rtl" else "en")


# --- lines of the editor ---------------------------------------------------------------------


def _units(lines: list[str]) -> list[tuple[int, int, str]]:
    """Split a block of non-blank lines into (start, end, kind) units: heading, item, table, text."""
    if len(lines) >= 2 and "|" in lines[0] and _TABLE_RULE_RE.match(lines[1]):
        return [(0, len(lines), "table")]
    units: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        if _HEADING_RE.match(line):
            units.append((i, i + 1, "heading"))
        elif _LIST_ITEM_RE.match(line) or not units or units[-1][2] == "heading":
            units.append((i, i + 1, "item" if _LIST_ITEM_RE.match(line) else "text"))
        else:
            start, _end, kind = units[-1]
            units[-1] = (start, i + 1, kind)
    return units


def direction_unit(block_lines: list[str], index: int) -> tuple[int, int]:
    """In a run of non-blank lines, the `[start, end)` lines of the unit holding line `index`.

    A unit is what gets one direction (a paragraph, heading, list item or table), the same split
    `line_directions` and the renderer use; a direction toggle rewrites exactly that unit.
    """
    for start, end, _kind in _units(block_lines):
        if start <= index < end:
            return start, end
    return index, index + 1


def line_directions(text: str, article_dir: str = "rtl") -> list[str]:
    """Direction of every line of a Markdown body, for the editor (one entry per `\\n`-line).

    Each paragraph, heading, list item (with its continuation lines) and table gets the direction
    `paragraph_direction` gives it, exactly as the renderer does; fenced code is `ltr`. A blank
    line takes the direction of the paragraph before it (the article's at the top), so the caret
    does not jump sides between paragraphs.
    """
    lines = text.split("\n")
    result: list[str] = []
    current = article_dir
    i = 0
    while i < len(lines):
        fence = _FENCE_RE.match(lines[i])
        if fence:
            marker = fence.group(1)
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith(marker):
                j += 1
            j = min(j + 1, len(lines))
            result.extend(["ltr"] * (j - i))
            i = j
            continue
        if not lines[i].strip():
            result.append(current)
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip() and not _FENCE_RE.match(lines[j]):
            j += 1
        block = lines[i:j]
        for start, end, _kind in _units(block):
            current = paragraph_direction("\n".join(block[start:end]), article_dir)
            result.extend([current] * (end - start))
        i = j
    return result


# --- number runs that the bidi algorithm shows reversed ---------------------------------------

_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_NUMBER_RUN_RE = re.compile(
    rf"(?<!{_DIGIT}){_DIGIT}++(?:[-+\u2010\u2011\u2012\u2013\u2014\u2212/.:,]{_DIGIT}++)++"
)
REVERSING_SEPARATORS = frozenset("-+\u2010\u2011\u2012\u2013\u2014\u2212")
_REVERSING_SEPARATORS = REVERSING_SEPARATORS
LRM = "\u200e"


def _previous_strong(text: str, index: int, stop: int = 0) -> str | None:
    """Bidi class of the last strong letter in `text[stop:index]`, or None."""
    for position in range(index - 1, stop - 1, -1):
        bidi = unicodedata.bidirectional(text[position])
        if bidi in ("L", "R", "AL"):
            return bidi
    return None


def may_have_number_runs(text: str) -> bool:
    """Cheap pre-check: False when `text` cannot hold a run that `number_runs` reports."""
    return _NUMBER_RUN_RE.search(text) is not None


def number_runs(text: str, paragraph_dir: str = "rtl") -> list[tuple[int, int]]:
    """Spans of number runs that the Unicode bidi algorithm displays in reversed order.

    `03-73`, `2024-05-12`, `0612-345678` after Arabic letters: the digits become Arabic numbers
    (rule W2), and a `-`, `+` or dash between Arabic numbers is not joined to them (W4), so the
    groups are laid out right to left (`73-03`). Runs joined only by `/ . : ,` stay in order, as do
    runs after Latin letters. Arabic-Indic digits are Arabic numbers anywhere. In an LTR paragraph
    a run is at risk only after Arabic letters.
    """
    spans: list[tuple[int, int]] = []
    strong: str | None = None
    scanned = 0  # text[:scanned] was searched for strong letters (each character is read once)
    for match in _NUMBER_RUN_RE.finditer(text):
        run = match.group(0)
        if not any(ch in _REVERSING_SEPARATORS for ch in run):
            continue
        strong = _previous_strong(text, match.start(), scanned) or strong
        scanned = match.start()
        arabic_digits = any(unicodedata.bidirectional(ch) == "AN" for ch in run)
        if arabic_digits or strong == "AL":
            spans.append((match.start(), match.end()))
    return spans


def isolate_number_runs(text: str, paragraph_dir: str = "rtl") -> str:
    """`text` with LEFT-TO-RIGHT MARKs that make every run of `number_runs` display in order.

    Measured in Qt 6.11 (QTextBrowser) and by the Unicode algorithm (python-bidi, Chromium):
    one LRM before a run of Western digits keeps them European numbers (W2), so `03-73` stays one
    run; Arabic-Indic digits stay Arabic numbers whatever precedes them, so there an LRM goes on
    both sides of each `-`/dash instead. `<span dir>` and `<bdi>` are dropped by Qt, and LRI/PDI
    does not fix Arabic-Indic runs, so neither is used. The text is unchanged besides the marks.
    """
    return insert_number_marks(text, number_runs(text, paragraph_dir))


def insert_number_marks(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the marks of `isolate_number_runs` added at the number runs `spans`."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        run = text[start:end]
        if any(unicodedata.bidirectional(ch) == "AN" for ch in run):
            run = "".join(f"{LRM}{ch}{LRM}" if ch in _REVERSING_SEPARATORS else ch for ch in run)
        elif not text[:start].endswith(LRM):
            run = LRM + run
        parts.append(run)
        last = end
    parts.append(text[last:])
    return "".join(parts)
