"""Text preparation for the library's full-text index: fast matching form, tokens and clitic stems.

The matching form is exactly `editor.core.text.arabic.normalize_for_match` (a test checks it on random
text); it is computed here with `str.translate` because the index normalises every article of a
library and the character-by-character version is too slow for ten thousand files.

Arabic attaches clitics to the front of a word: the conjunctions و ف, the prepositions ب ل ك and the
article ال (ل + ال is written لل). So that a search for `أمن` finds `والأمن`, the index keeps each
word as written (in matching form) and matches, and a query word is expanded to the forms with clitics in front (`امن` → `والامن`, `للامن`
…, see `clitic_forms`); words shorter than `MIN_STEM_LENGTH` letters are not expanded.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from editor.core.text.arabic import _FOLD, _TASHKEEL_RANGES, TATWEEL, normalize_for_match, normalize_with_map

MIN_STEM_LENGTH = 2

# A token is a run of letters and digits (what SQLite's unicode61 tokenizer keeps), never `_`.
TOKEN_RE = re.compile(r"[^\W_]+")

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك")  # ل is handled apart: ل + ال is written لل
_ARTICLE = "ال"


_FOLD_PAIRS = tuple(_FOLD.items())

# Characters outside ASCII that are not letters or digits (Arabic punctuation, NBSP, ZWNJ, marks…):
# FTS5's `ascii` tokenizer would keep them inside words, so `fts_text` makes them spaces first.
_NON_TOKEN_RE = re.compile(r"[^\w\x00-\x7f]+")


def search_text(data: bytes, encoding: str) -> str:
    """A file's text as search reads it for snippets (`body_at` offsets count in this text)."""
    text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    return text.lstrip("\ufeff")


def fts_text(norm: str) -> str:
    """Matching-form text prepared for FTS5's `ascii` tokenizer: its tokens are `TOKEN_RE`'s.

    The ascii tokenizer splits on ASCII characters other than letters and digits (`_` too) and
    keeps every other character in a word, so the non-ASCII non-word characters become spaces.
    """
    return _NON_TOKEN_RE.sub(" ", norm)


@lru_cache(maxsize=1)
def _ignorable_re() -> re.Pattern[str]:
    """One character class of everything matching ignores (tashkeel and tatweel)."""
    ignorable = [TATWEEL] + [chr(cp) for lo, hi in _TASHKEEL_RANGES for cp in range(lo, hi + 1)]
    return re.compile("[" + "".join(re.escape(c) for c in ignorable) + "]")


# Characters that neither matching (`normalize_for_match`) nor `fts_text` ever changes, except the
# five letter folds (أ إ آ ى ة): ASCII and the Arabic letters. Every other character is "odd".
_MAX_ODD = 48  # more distinct odd characters than this: the general path (each costs a pass)
_LETTER_FOLDS = tuple((s, t) for s, t in _FOLD_PAIRS if "\u0621" <= s <= "\u064a")

# Every character but the Arabic letters, ASCII letters and digits, space, line feed and `.` (the
# commonest, left out to keep the list short). One pass over an article body finds the distinct
# ones (`others_of`); the word index (`index_form`) and the body's word count and hashtags
# (`body_stats`) then look only at those instead of searching the text again for each of them.
_OTHER_RE = re.compile("[^\u0621-\u063a\u0641-\u064aA-Za-z0-9 \n.]")


def others_of(text: str) -> set[str]:
    """The distinct characters of `text` other than Arabic letters, ASCII alphanumerics, space,
    line feed and `.`: all of its odd characters and its ASCII punctuation but `.`."""
    return set(_OTHER_RE.findall(text))


def index_form(text: str, others: set[str] | None = None) -> str:
    """`fts_text(fast_normalize(text))` for the word index, faster; the same FTS5 tokens.

    The result may hold more spaces where the other holds one (a run of characters that are not
    word characters becomes one space per character): FTS5 splits words on spaces, so its tokens,
    and their positions, are the same (a test compares them). Only the distinct odd characters of
    the text (nearly always a handful of punctuation marks and vowel marks) are looked at one by one;
    `others` (`others_of(text)`, when the caller has it already) holds them.
    """
    if "\u03a3" in text:  # capital sigma: the final-sigma rule (see fast_normalize)
        return fts_text(fast_normalize(text))
    odd = {ch for ch in (others_of(text) if others is None else others) if ch > "\x7f"}
    if len(odd) > _MAX_ODD:  # text in another script: one pass of the regular expressions (linear)
        return fts_text(fast_normalize(text))
    text = _folded(text, odd).lower()
    # after `lower()` the odd characters are those of the odd ones' lower forms (ASCII and the
    # Arabic letters lower to themselves or to ASCII); those that are not word characters: spaces
    for low in {low for ch in odd for low in ch.lower()}:
        if low > "\x7f" and not low.isalnum():
            text = text.replace(low, " ")
    return text


def _folded(text: str, odd: set[str]) -> str:
    """`text` with the ignorable characters among `odd` deleted and every letter folded."""
    ignorable = _ignorable_set()
    for ch in odd:
        if ch in ignorable:
            text = text.replace(ch, "")
        elif ch in _FOLD:
            text = text.replace(ch, _FOLD[ch])
    for source, target in _LETTER_FOLDS:
        if source in text:
            text = text.replace(source, target)
    return text


def index_bytes(text: str, others: set[str] | None = None) -> bytes:
    """`index_form(text, others)` in UTF-8, as the word index is given it (`surrogatepass`).

    When none of the text's odd characters changes in `lower()` (nearly always: punctuation and
    vowel marks), only ASCII letters do, so the text is lowered after encoding, on the bytes
    (`bytes.lower` touches ASCII only, about three times faster than `str.lower` on Arabic text).
    """
    if others is None:
        others = others_of(text)
    odd = {ch for ch in others if ch > "\x7f"}
    if "\u03a3" in text or len(odd) > _MAX_ODD or any(ch.lower() != ch for ch in odd):
        return index_form(text, others).encode("utf-8", "surrogatepass")
    text = _folded(text, odd)
    ignorable = _ignorable_set()
    for ch in odd:  # (the same characters as their lower forms here)
        if ch not in ignorable and not ch.isalnum():
            text = text.replace(ch, " ")
    return text.encode("utf-8", "surrogatepass").lower()


def drop_marks(text: str, others: set[str]) -> tuple[str, set[str]]:
    """`text` without its vowel marks and `others` (`others_of(text)`) without them.

    The marks are the characters matching ignores that are not letters (all but tatweel): the word
    index deletes them (`index_form`), and so does the word count, which deletes every character
    that is neither a letter or digit nor white space. Both then work on the text without them:
    `index_bytes(*drop_marks(t, o))` has the tokens of `index_bytes(t, o)`.
    """
    ignorable = _ignorable_set()
    marks = {ch for ch in others if ch in ignorable and not ch.isalnum()}
    for ch in marks:
        text = text.replace(ch, "")
    return text, others - marks


@lru_cache(maxsize=1)
def _ignorable_set() -> frozenset[str]:
    return frozenset([TATWEEL] + [chr(cp) for lo, hi in _TASHKEEL_RANGES for cp in range(lo, hi + 1)])


def fast_normalize(text: str) -> str:
    """`normalize_for_match(text)`: marks dropped by one regex, the few folds by `str.replace`."""
    if "\u03a3" in text:  # capital sigma: str.lower() applies the final-sigma rule, per-char does not
        return normalize_for_match(text)
    text = _ignorable_re().sub("", text)
    for source, target in _FOLD_PAIRS:
        if source in text:
            text = text.replace(source, target)
    return text.lower()


def normalize_mapped(text: str) -> tuple[str, list[int]]:
    """Like `arabic.normalize_with_map`, fast when the only changes are dropped marks and 1:1 folds.

    Returns the matching form and, for each of its characters (plus one past the end), the index in
    `text` it came from.
    """
    norm = fast_normalize(text)
    dropped = [m.start() for m in _ignorable_re().finditer(text)]
    if len(norm) + len(dropped) != len(text):  # a fold that changed length (rare Latin case folds)
        return normalize_with_map(text)
    index_map: list[int] = []
    shift = 0
    # position n of norm is at n + (number of dropped chars at or before it) in text
    for n in range(len(norm)):
        while shift < len(dropped) and dropped[shift] <= n + shift:
            shift += 1
        index_map.append(n + shift)
    index_map.append(len(text))
    return norm, index_map


def original_index(dropped: list[int], n: int) -> int:
    """Index in the original text of normalised position `n`, given the sorted dropped positions."""
    shift = bisect.bisect_right(dropped, n)
    while shift < len(dropped) and dropped[shift] <= n + shift:
        shift += 1
    return n + shift


def dropped_positions(text: str) -> list[int]:
    """Sorted positions of the characters that normalisation drops (tashkeel, tatweel)."""
    return [m.start() for m in _ignorable_re().finditer(text)]


def clitic_forms(word: str) -> list[str]:
    """`word` and the forms of it with front clitics attached, in matching form.

    `امن` → `امن`, `الامن`, `والامن`, `بالامن`, `للامن`, `وللامن`, `لامن`, `فبامن`, …;
    `الامن` → `الامن`, `والامن`, `بالامن`, `للامن`, …. Search expands each query word to these forms
    instead of indexing stems, so the index stays the plain text. Words shorter than
    `MIN_STEM_LENGTH` are not expanded.
    """
    if len(word) < MIN_STEM_LENGTH:
        return [word]
    if word.startswith(_ARTICLE):
        bare, articles = word[len(_ARTICLE) :], [_ARTICLE]
    else:
        bare, articles = word, ["", _ARTICLE]
    forms: dict[str, None] = {word: None}
    for conj in _CONJUNCTIONS:
        for art in articles:
            for prep in _PREPOSITIONS:
                forms[conj + prep + art + bare] = None
            forms[conj + ("لل" if art else "ل") + bare] = None
    return list(forms)
