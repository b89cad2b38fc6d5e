"""Tag identity (variants), cleaning, and library-wide counting."""

from __future__ import annotations

from editor.core.library.tags import article_tags, clean_tag_text, hashtag_form, summarize_tags, tag_key


def test_spelling_variants_are_one_tag() -> None:
    keys = {tag_key(t) for t in ["#الأمن", "الامن", "الأمنُ", "الأمـــن", " الإمن "]}
    assert len(keys) == 1
    assert tag_key("الأمن الوطني") == tag_key("#الأمن_الوطني") == tag_key("الأمن-الوطني")
    assert tag_key("مدرسة") == tag_key("مدرسه")
    assert tag_key("Sport") == tag_key("sport")


def test_different_tags_stay_different() -> None:
    assert tag_key("الأمن") != tag_key("الأمنية")
    assert tag_key("المغرب") != tag_key("مغرب")
    assert tag_key("#") == "" and tag_key("   ") == ""


def test_clean_and_hashtag_form() -> None:
    assert clean_tag_text("  ##الرباط ") == "الرباط"
    assert hashtag_form("الأمن الوطني") == "الأمن_الوطني"


def test_article_tags_keeps_first_spelling_once() -> None:
    assert article_tags(["الأمن", "المغرب"], ["الامن", "الرباط", "المغرب"]) == ["الأمن", "المغرب", "الرباط"]


def test_summary_counts_articles_and_shows_most_used_spelling() -> None:
    summaries = summarize_tags(
        [
            ["الأمن", "الامن"],  # one article, two spellings: counted once
            ["الامن"],
            ["الامن", "المغرب"],
            ["الأَمن"],
            ["المغرب"],
        ]
    )
    by_key = {s.key: s for s in summaries}
    security = by_key[tag_key("الأمن")]
    assert security.count == 4
    assert security.tag == "الامن"  # used 3 times
    assert set(security.variants) == {"الأمن", "الامن", "الأَمن"}
    assert security.variants[0] == "الامن"
    assert by_key[tag_key("المغرب")].count == 2
    assert [s.tag for s in summaries] == ["الامن", "المغرب"]  # most used first


def test_summary_tie_prefers_spelling_without_marks() -> None:
    (summary,) = summarize_tags([["الأَمن"], ["الأمن"]])
    assert summary.tag == "الأمن"
    assert summary.to_json() == {"tag": "الأمن", "count": 2, "variants": ["الأمن", "الأَمن"]}
