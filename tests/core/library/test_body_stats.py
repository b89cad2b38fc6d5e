"""The index's fast word count and hashtags equal the shared rules on generated and hostile text."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.library.body_stats import (
    _MASK_CHARS,
    _MASK_NEEDS,
    _MASK_SEARCHED,
    MASK_TRIGGERS,
    STRIP_TRIGGERS,
    _count_by_deleting,
    _mask_plain,
    body_stats,
    fast_count_words,
    fast_hashtags,
)
from editor.core.library.index_text import drop_marks, others_of
from editor.core.markdown.hashtags import extract_hashtags
from editor.core.markdown.mask import mask_non_prose
from editor.core.text.arabic import count_words, strip_markdown_syntax

# pieces of prose and of every Markdown construct the two rules treat apart
_PIECES = [
    "الأمن", "والأمن", "مُحَمَّد", "الأمـــن", "word", "x", "٢٠٢٤", "2024", "_", "-", "—", ".", "،", "؟",
    "#", "#وسم", "#الأمن", "و#تونس", "كلمة#ليست", "#2024", "##", "# عنوان", "#وسم-", "_#وسم_", "\\#وسم",
    "&#1571;", "#وسم،", "#a_b", "#\u200cوسم", "#ـ",
    "`", "``", "`#كود`", "```", "~~~", "```python", "<b>", "</b>", "<!--", "-->", "<div>", "</div>",
    "<https://x.com/#وسم>", "[", "]", "(", ")", "[#نص](#رابط)", "[نص][ref]", "[ref]: http://x.com",
    "*[HTML]: شرح", "{: #id}", "{dir=rtl}", "http://x.com/#وسم", "https://x.org", "www.x.com/#a",
    "ftp://x", "\t", "    ", "  ", " ", " ", " ", "\n", "\n", "\n\n", "\r\n", "\r", "> ", "- ", "1. ",
    "\u00a0", "\u2028", "\x0b", "\u200c", "\u064b", "ـ", "*", "**", "|", "!", "![صورة](a.png)",
]  # fmt: skip


def _hostile_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = rng.choices(_PIECES, k=rng.randint(0, 40))
        if rng.random() < 0.5:  # prose with a few hashtags, the common case
            pieces = [p for p in pieces if not any(t in p for t in MASK_TRIGGERS)]
        texts.append("".join(pieces) if rng.random() < 0.3 else " ".join(pieces))
    return texts


def test_equal_to_shared_rules_on_generated_and_hostile_text() -> None:
    texts = _hostile_texts(4000, seed=13)
    plain = sum(1 for t in texts if "#" in t and not any(x in t for x in MASK_TRIGGERS))
    assert plain > 500  # the shortcut is exercised, not only the fallback
    for text in texts:
        assert body_stats(text) == (count_words(text), extract_hashtags(text)), repr(text)


def test_equal_on_generated_articles(tmp_path) -> None:
    from benchmarks.generate_library import generate_library

    generate_library(tmp_path, 60, 300, seed=5)
    for path in sorted(tmp_path.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert body_stats(text) == (count_words(text), extract_hashtags(text)), path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_equal_on_any_mix(text: str) -> None:
    assert fast_count_words(text) == count_words(text)
    assert fast_hashtags(text) == extract_hashtags(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_equal_on_any_unicode(text: str) -> None:
    assert body_stats(text) == (count_words(text), extract_hashtags(text))


def test_the_shortcut_conditions_hold() -> None:
    """Text without the triggers is left as it is by the mask and keeps its words when stripped."""
    for text in _hostile_texts(3000, seed=14):
        if not any(t in text for t in MASK_TRIGGERS):
            assert mask_non_prose(text) == text, repr(text)
        if not any(t in text for t in STRIP_TRIGGERS):
            assert strip_markdown_syntax(text).split() == text.split(), repr(text)


def test_examples() -> None:
    assert body_stats("مُحَمَّد قال — #الأمن و#تونس، ثم #الأمن") == (6, ["الأمن", "تونس"])
    assert body_stats("نص `#كود` و[#رابط](x) http://x.com/#a #وسم") == (
        count_words("نص `#كود` و[#رابط](x) http://x.com/#a #وسم"),
        ["وسم"],
    )
    assert body_stats("") == (0, [])


def _mask_plain_agrees(text: str) -> None:
    assert _mask_plain(text, others_of(text)) == (not any(t in text for t in MASK_TRIGGERS)), repr(text)


def test_triggers_read_from_the_unusual_characters_agree_with_searching_each() -> None:
    """`_mask_plain` (triggers read from `others_of`) answers as searching every trigger would."""
    covered = set(_MASK_CHARS) | {t for _c, t in _MASK_NEEDS} | set(_MASK_SEARCHED)
    assert covered == set(MASK_TRIGGERS)  # every trigger is looked at, one way or the other
    for char, trigger in _MASK_NEEDS:
        assert char in trigger and char in others_of(trigger)
    for trigger in _MASK_SEARCHED:  # searched in the text: others_of leaves their characters out
        assert others_of(trigger) == set()
    for char in _MASK_CHARS:
        assert others_of(char) == {char}
    for text in [
        *_hostile_texts(3000, seed=15),
        *(t for t in MASK_TRIGGERS),
        "a.www.b",
        "x    y",
        "~~",
        ":/",
    ]:
        _mask_plain_agrees(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "~", ":", "/", "w", "ww", "."]), max_size=30).map("".join))
def test_mask_triggers_agree_on_any_mix(text: str) -> None:
    _mask_plain_agrees(text)


def _count_agrees(text: str) -> None:
    others = others_of(text)
    if not any(t in text for t in STRIP_TRIGGERS):
        assert fast_count_words(text, True, others) == count_words(text), repr(text)
    # as the reader calls it: with the text without its vowel marks
    assert body_stats(text, others, drop_marks(text, others)) == (count_words(text), extract_hashtags(text))


def test_count_by_deleting_agrees_with_the_shared_rule() -> None:
    """Deleting every character that is neither a letter/digit nor white space, then counting
    tokens, gives `count_words` (texts with many kinds of such characters take the token filter)."""
    for text in [*_hostile_texts(4000, seed=16), "", ".", ". .", "a.b . c", "ـ َ", "_ x_ _"]:
        _count_agrees(text)
    many = "".join(chr(cp) + " " for cp in range(0x2010, 0x2040)) + "كلمة"  # > _MAX_DELETED kinds
    assert _count_by_deleting(many, others_of(many)) is None
    _count_agrees(many)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from([*_PIECES, ".", "\u00a0", "\u3000", "\x1c", "\x85"]), st.characters()),
        max_size=40,
    ).map("".join)
)
def test_count_by_deleting_on_any_text(text: str) -> None:
    _count_agrees(text)
