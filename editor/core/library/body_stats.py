"""Word count and hashtags of an article body, computed fast for plain prose (the cold index reads
every file of a library, so these two are most of its time).

`body_stats(body)` always equals `(count_words(body), extract_hashtags(body))` (the shared rules of
`editor.core.text.arabic` and `editor.core.markdown.hashtags`; a test compares both on generated and
hostile text). Two shortcuts, each taken only when it cannot change the result:

- Words: `strip_markdown_syntax` removes HTML, link targets, reference definitions, attribute
  lists and fence lines. Text without `<`, `[`, `{`, "```" and `~~~` has none of them, so it is
  counted as it is, and the tokens that are all letters or digits (nearly all) are counted in C.
- Hashtags: `mask_non_prose` blanks code, links, URLs, HTML, attribute lists and indented code.
  Text without any of the characters those need (`MASK_TRIGGERS`) is left as it is by the mask, so
  the tags are read straight from the text. Text without `#` has no tag at all.

Whether a trigger is there is read from the body's distinct unusual characters
(`index_text.others_of`, found once and shared with the word index): only the triggers that are
more than one such character long are searched for in the text.
"""

from __future__ import annotations

import itertools
import re

from editor.core.library.index_text import others_of
from editor.core.markdown.hashtags import extract_hashtags, hashtag_spans
from editor.core.text.arabic import strip_markdown_syntax

# lines (tokens, joined by "\n") without any letter or digit: what `str.isalnum` refuses is `[\W_]`,
# and a token holds no white space, so its characters that are not letters or digits are these
_NO_ALNUM_LINES = re.compile(r"^(?:[^\w\s]|_)+$", re.MULTILINE).findall

# substrings without which `strip_markdown_syntax` returns text with the same words
STRIP_TRIGGERS = ("<", "[", "{", "```", "~~~")
# substrings without which `mask_non_prose` returns its input unchanged: code spans and fences,
# raw HTML, links and definitions, attribute lists, bare URLs, indented code (4 columns)
MASK_TRIGGERS = ("`", "~~~", "<", "[", "{", "://", "www.", "\t", "    ")


# MASK_TRIGGERS read from `others_of(text)`: the ones that are one such character, the ones that
# need such a character (looked for in the text only when it is there), and the ones to look for
_MASK_CHARS = frozenset("`<[{\t")
_MASK_NEEDS = (("~", "~~~"), (":", "://"))
_MASK_SEARCHED = ("www.", "    ")  # (`.` and the space are not in `others_of`)


def _plain(text: str, triggers: tuple[str, ...]) -> bool:
    return not any(trigger in text for trigger in triggers)


def _mask_plain(text: str, others: set[str]) -> bool:
    """`_plain(text, MASK_TRIGGERS)` given `others_of(text)` (fewer searches of the text)."""
    if not _MASK_CHARS.isdisjoint(others):
        return False
    if any(char in others and trigger in text for char, trigger in _MASK_NEEDS):
        return False
    return not any(trigger in text for trigger in _MASK_SEARCHED)


_MAX_DELETED = 16  # more distinct characters to delete than this: the tokens are filtered instead


def _count_by_deleting(text: str, others: set[str]) -> int | None:
    """Tokens of `text` holding a letter or digit, given `others_of(text)`; None if too many kinds.

    Every character that is neither a letter or digit nor white space is deleted, then the tokens
    are counted: a token made only of such characters vanishes, a token holding a letter or digit
    keeps it, and deleting never joins two tokens (white space stays). The characters to delete
    are all among `others` (or `.`): the rest are Arabic letters, ASCII letters and digits, space
    and line feed.
    """
    deleted = [ch for ch in others if not ch.isalnum() and not ch.isspace()]
    if "." in text:
        deleted.append(".")
    if len(deleted) > _MAX_DELETED:
        return None
    for ch in deleted:
        text = text.replace(ch, "")
    return len(text.split())


def fast_count_words(
    body: str,
    plain: bool | None = None,
    others: set[str] | None = None,
    bare: tuple[str, set[str]] | None = None,
) -> int:
    """`editor.core.text.arabic.count_words(body)`, faster (`plain`: known free of STRIP_TRIGGERS;
    `others`: `index_text.others_of(body)`; `bare`: `index_text.drop_marks(body, others)`)."""
    if plain is None:
        plain = _plain(body, STRIP_TRIGGERS)
    if plain and others is not None:
        # (the marks are characters it deletes: counting the text without them is the same)
        words = _count_by_deleting(*(bare or (body, others)))
        if words is not None:
            return words
    tokens = (body if plain else strip_markdown_syntax(body)).split()
    others = list(itertools.filterfalse(str.isalnum, tokens))  # punctuation attached, marks, symbols
    # a token counts when it holds a letter or digit: all but the others without any
    return len(tokens) - len(_NO_ALNUM_LINES("\n".join(others))) if others else len(tokens)


def fast_hashtags(body: str, plain: bool | None = None) -> list[str]:
    """`editor.core.markdown.hashtags.extract_hashtags(body)`, faster (`plain`: free of MASK_TRIGGERS)."""
    if "#" not in body:
        return []
    if not (_plain(body, MASK_TRIGGERS) if plain is None else plain):
        return extract_hashtags(body)
    seen: dict[str, None] = {}
    for _start, _end, tag in hashtag_spans(body):
        seen.setdefault(tag, None)
    return list(seen)


def body_stats(
    body: str, others: set[str] | None = None, bare: tuple[str, set[str]] | None = None
) -> tuple[int, list[str]]:
    """`(words, hashtags)` of a Markdown body, as `count_words` and `extract_hashtags` give them
    (`others`: `index_text.others_of(body)`, `bare`: `index_text.drop_marks(body, others)`, when
    the caller has them already)."""
    if others is None:
        others = others_of(body)
    masked = _mask_plain(body, others)  # (every STRIP_TRIGGER holds a MASK_TRIGGER: plain for both)
    words = fast_count_words(body, masked or None, others, bare)
    return words, fast_hashtags(body, masked) if "#" in others else []
