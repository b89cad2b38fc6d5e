"""The index's fast word count and hashtags equal the shared rules on generated and hostile text."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.library.body_stats import (
    MASK_TRIGGERS,
    STRIP_TRIGGERS,
    body_stats,
    fast_count_words,
    fast_hashtags,
)
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
