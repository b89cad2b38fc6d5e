"""Counting words the Arabic way, and reading time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.text.arabic import (
    count_characters,
    count_words,
    normalize_for_match,
    reading_minutes,
    strip_tashkeel,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("مُحَمَّد قال", 2),
        ("الســـلام عليكم", 2),  # tatweel belongs to its word
        ("القانون رقم 03-73", 3),
        ("قرار 1373 و 2178", 4),
        ("# عنوان المقال", 2),  # the heading mark is not a word
        ("- بند أول\n- بند ثان", 4),
        ("**عاجل**: خبر", 2),
        ("[الموقع](https://example.com/a/b) الرسمي", 2),
        ("![صورة الوزير](images/a.jpg)", 2),
        ("نص<br/>آخر", 2),
        ("فقرة {dir=ltr}", 1),
        ("— – … « » ، ؛", 0),
        ("#الرباط #أمن", 2),
        ("", 0),
        ("كلمة\u00a0وكلمة", 2),
        ("٢٠٢٤ عام", 2),
    ],
)
def test_word_counts(text, words):
    assert count_words(text) == words


def test_seed_article_word_count(seed_text):
    assert count_words(seed_text) == 437


def test_characters_ignore_line_breaks():
    assert count_characters("أب\r\nجد\n") == 4


@pytest.mark.parametrize(
    ("words", "rate", "minutes"), [(0, 200, 0), (1, 200, 1), (200, 200, 1), (201, 200, 2), (437, 200, 3)]
)
def test_reading_minutes(words, rate, minutes):
    assert reading_minutes(words, rate) == minutes


def test_reading_rate_must_be_positive():
    with pytest.raises(ValueError):
        reading_minutes(10, 0)


def test_normalisation():
    assert normalize_for_match("الأَمْنُ") == normalize_for_match("الامن")
    assert normalize_for_match("إسلام آمنة") == "اسلام امنه"
    assert normalize_for_match("مستشفى") == "مستشفي"
    assert normalize_for_match("٢٠٢٤ BBC") == "2024 bbc"
    assert strip_tashkeel("مُحَمَّد") == "محمد"


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab ج د ـ ً \u00a0\t\n_-—.،٣3#*[]()"), max_size=60))
def test_word_count_matches_its_definition(text):
    from editor.core.text.arabic import strip_markdown_syntax

    expected = sum(1 for token in strip_markdown_syntax(text).split() if any(ch.isalnum() for ch in token))
    assert count_words(text) == expected


def test_html_comments_are_not_counted():
    assert count_words("<!-- ملاحظة للمحرر لا تنشر --> نص ظاهر") == 2
    assert count_words("نص <!-- تعليق\nعلى سطرين --> آخر") == 2


def test_normalize_for_match_is_the_per_letter_rule_on_random_text() -> None:
    """`normalize_for_match` uses one `str.translate` (a million-letter tag took seconds one letter at a
    time): the same result as folding and lowering letter by letter, final sigma and dotted İ included."""
    import random

    from editor.core.text import arabic

    def per_letter(text: str) -> str:
        return "".join(arabic._fold_char(ch) for ch in text if not arabic._ignorable(ch))

    alphabet = "أإآٱىةابتـ\u064b\u064e\u0651\u0670\u06d6\u0610\u061a\u06ed\u06e7\u065f٠١٩۰۹ΣσςİIiAbZ ßẞǅx"
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert arabic.normalize_for_match(text) == per_letter(text), text
    assert arabic.normalize_for_match("ΟΔΟΣ ΣΑ") == "οδοσ σα"  # letter by letter: no final ς
