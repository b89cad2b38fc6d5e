"""Find and replace rules for the editor: match case, whole word, regular expression, Arabic-insensitive.

Arabic-insensitive matching compares the matching forms of `editor.core.text.arabic` (tashkeel and
tatweel ignored, أ إ آ ا alike, ى = ي, ة = ه) and maps every hit back to the exact span of the
original text, marks included, so replacing never leaves a stray haraka behind.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from editor.core.text.arabic import normalize_for_match, normalize_with_map, original_span, strip_tashkeel


class FindError(ValueError):
    """The search text cannot be used (for example an invalid regular expression)."""


@dataclass(frozen=True)
class FindOptions:
    """How a query matches. Arabic-insensitive is on by default: that is what Arabic writers expect."""

    match_case: bool = False
    whole_word: bool = False
    regex: bool = False
    arabic_insensitive: bool = True


@dataclass(frozen=True)
class Match:
    """One hit: `text[start:end]` in the original text, with the spans of its regex groups."""

    start: int
    end: int
    groups: tuple[tuple[int, int] | None, ...] = ()
    named: tuple[tuple[str, int], ...] = ()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or not strip_tashkeel(ch)


def _fold_keep_case(ch: str) -> str:
    """Matching form of one character that keeps Latin case (for match-case with Arabic folding)."""
    if ch.lower() != ch or ch.upper() != ch:
        return ch
    return normalize_for_match(ch)


def _normalize_keep_case(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index_map: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_keep_case(ch)
        out.append(folded)
        index_map.extend([i] * len(folded))
    index_map.append(len(text))
    return "".join(out), index_map


class _PositionMap:
    """Maps spans of a matching form back to the original text."""

    def __init__(
        self, text: str, index_map: list[int] | None = None, dropped: list[int] | None = None
    ) -> None:
        self._text = text
        self._index_map = index_map
        self._dropped = dropped or []

    def _index(self, n: int) -> int:
        if self._index_map is not None:
            return self._index_map[n]
        dropped = self._dropped
        shift = bisect.bisect_right(dropped, n)
        while shift < len(dropped) and dropped[shift] <= n + shift:
            shift += 1
        return n + shift

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the matching-form span `[start, end)`, marks of its last letter included."""
        if self._index_map is not None:
            return original_span(self._text, self._index_map, start, end)
        o_start = self._index(start)
        if end <= start:
            return o_start, o_start
        o_end = self._index(end - 1) + 1
        while o_end < len(self._text) and not strip_tashkeel(self._text[o_end]):
            o_end += 1
        return o_start, o_end


# Everything matching ignores lies in the Arabic block; so do the letter and digit folds.
_ARABIC_BLOCK = [chr(cp) for cp in range(0x0600, 0x0700)]
_IGNORABLE_RE = re.compile("[" + "".join(ch for ch in _ARABIC_BLOCK if not strip_tashkeel(ch)) + "]")
_FOLD_TABLE = str.maketrans(
    {
        ch: normalize_for_match(ch)
        for ch in _ARABIC_BLOCK
        if strip_tashkeel(ch) and normalize_for_match(ch) != ch
    }
)


def _matching_form(text: str, keep_case: bool) -> tuple[str, _PositionMap]:
    """The core's matching form of `text` (Latin case kept if asked) and its way back.

    Fast path: drop the marks with one regex and fold with `str.translate`; the per-character
    core functions are used when case folding changes lengths (rare Latin letters).
    """
    dropped = [m.start() for m in _IGNORABLE_RE.finditer(text)]
    form = _IGNORABLE_RE.sub("", text).translate(_FOLD_TABLE)
    if not keep_case:
        form = form.lower()
    if len(form) + len(dropped) != len(text) or (not keep_case and "\u03a3" in text):
        full, index_map = _normalize_keep_case(text) if keep_case else normalize_with_map(text)
        return full, _PositionMap(text, index_map=index_map)
    return form, _PositionMap(text, dropped=dropped)


def _fold_pattern(pattern: str, match_case: bool) -> str:
    """Fold the literal characters of a regular expression; escapes are kept as written."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(_fold_keep_case(ch) if match_case else normalize_for_match(ch))
        i += 1
    return "".join(out)


class Finder:
    """A compiled query. Raises FindError for an empty query or a bad regular expression."""

    def __init__(self, query: str, options: FindOptions = FindOptions()) -> None:
        if not query:
            raise FindError("Nothing to search for.")
        self.query = query
        self.options = options
        if options.arabic_insensitive:
            source = (
                _fold_pattern(query, options.match_case)
                if options.regex
                else (_normalize_keep_case(query)[0] if options.match_case else normalize_for_match(query))
            )
            if not source:
                raise FindError("The search text holds only marks that Arabic-insensitive matching ignores.")
        else:
            source = query
        if not options.regex:
            source = re.escape(source)
        flags = re.MULTILINE | (0 if options.match_case else re.IGNORECASE)
        try:
            self._regex = re.compile(source, flags)
        except re.error as exc:
            raise FindError(f"Invalid regular expression: {exc}.") from None

    def _searchable(self, text: str) -> tuple[str, _PositionMap | None]:
        if not self.options.arabic_insensitive:
            return text, None
        return _matching_form(text, self.options.match_case)

    def finditer(self, text: str) -> Iterator[Match]:
        """Every non-empty hit in `text`, in order."""
        searchable, positions = self._searchable(text)
        for m in self._regex.finditer(searchable):
            if m.end() == m.start():
                continue
            spans = [m.span(g) for g in range(m.re.groups + 1)]
            if positions is not None:
                spans = [positions.span(*sp) if sp != (-1, -1) else sp for sp in spans]
            (start, end), groups = spans[0], tuple(sp if sp != (-1, -1) else None for sp in spans[1:])
            if self.options.whole_word and not _at_word_bounds(text, start, end):
                continue
            yield Match(start, end, groups, tuple(m.re.groupindex.items()))

    def find_all(self, text: str) -> list[Match]:
        return list(self.finditer(text))

    def find_next(self, text: str, position: int, backward: bool = False, wrap: bool = True) -> Match | None:
        """The first hit starting at or after `position` (or the last ending at or before it, backward)."""
        hits = self.find_all(text)
        if not hits:
            return None
        if backward:
            before = [h for h in hits if h.end <= position]
            return before[-1] if before else (hits[-1] if wrap else None)
        after = [h for h in hits if h.start >= position]
        return after[0] if after else (hits[0] if wrap else None)

    def expand(self, text: str, match: Match, replacement: str) -> str:
        """The replacement for one hit: literal, or with `\\1`, `\\g<name>` group references in regex mode."""
        if not self.options.regex:
            return replacement
        return _expand_template(text, match, replacement)

    def replace_all(self, text: str, replacement: str) -> tuple[str, int]:
        """`text` with every hit replaced, and the number of replacements."""
        parts: list[str] = []
        last = 0
        count = 0
        for hit in self.finditer(text):
            parts.append(text[last : hit.start])
            parts.append(self.expand(text, hit, replacement))
            last = hit.end
            count += 1
        parts.append(text[last:])
        return "".join(parts), count


def _at_word_bounds(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not _is_word_char(text[start - 1]) or not _is_word_char(text[start])
    after_ok = end >= len(text) or not _is_word_char(text[end]) or not _is_word_char(text[end - 1])
    return before_ok and after_ok


_TEMPLATE_RE = re.compile(r"\\(?:g<([^>]+)>|(\d{1,2})|(.))", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "r": "\r"}


def _expand_template(text: str, match: Match, template: str) -> str:
    def group_text(ref: str) -> str:
        names = dict(match.named)
        index = names.get(ref) if not ref.isdigit() else int(ref)
        if index is None or index > len(match.groups):
            raise FindError(f"The replacement refers to a group that does not exist: {ref}.")
        if index == 0:
            return text[match.start : match.end]
        span = match.groups[index - 1]
        return text[span[0] : span[1]] if span else ""

    def substitute(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return group_text(m.group(1))
        if m.group(2) is not None:
            return group_text(m.group(2))
        return _ESCAPES.get(m.group(3), "\\" + m.group(3))

    return _TEMPLATE_RE.sub(substitute, template)


def find_all(text: str, query: str, options: FindOptions = FindOptions()) -> list[Match]:
    """Every hit of `query` in `text` under `options`."""
    return Finder(query, options).find_all(text)


def replace_all(
    text: str, query: str, replacement: str, options: FindOptions = FindOptions()
) -> tuple[str, int]:
    """`text` with every hit of `query` replaced, and the count."""
    return Finder(query, options).replace_all(text, replacement)
