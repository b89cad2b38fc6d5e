"""Slug and file-name suggestions from titles, Arabic slugs allowed."""

import pytest

from editor.core.article.slug import is_valid_slug, suggest_file_name, suggest_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("الرِّباط: تأكيد “المغرب” و”الإمارات”", "الرباط-تأكيد-المغرب-والإمارات"),
        ("Apple تعلن عن iPhone 16", "apple-تعلن-عن-iphone-16"),
        ("العدد ٣ من المجلة", "العدد-3-من-المجلة"),
        ("  --Hello,   World!!  ", "hello-world"),
        ("كـــتاب", "كتاب"),
        ("«»!؟", ""),
        ("a_b", "a-b"),
    ],
)
def test_suggest_slug(title, slug):
    assert suggest_slug(title) == slug


def test_slug_is_cut_at_a_word_boundary():
    slug = suggest_slug("كلمة " * 40, max_length=20)
    assert slug == "كلمة-كلمة-كلمة-كلمة"
    assert len(suggest_slug("ب" * 200)) == 80


def test_bidi_controls_are_dropped():
    assert suggest_slug("\u200fمرحبا\u200e world") == "مرحبا-world"


def test_valid_slugs():
    assert is_valid_slug("الرباط-2024")
    assert not is_valid_slug("a--b")
    assert not is_valid_slug("-a")
    assert not is_valid_slug("a b")
    assert not is_valid_slug("")


def test_suggest_file_name():
    assert suggest_file_name("الرباط-اليوم", "ignored") == "الرباط-اليوم.md"
    assert suggest_file_name("bad slug!", "عنوان المقال") == "عنوان-المقال.md"
    assert suggest_file_name(None, None) == "article.md"
    assert suggest_file_name("", "؟؟") == "article.md"
