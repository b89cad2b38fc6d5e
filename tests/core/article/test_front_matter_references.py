"""Front matter as other tools read it (issue 12): YAML 1.2 quoting, tags written as one string,
multi-line flow lists, new articles (final newline, `lang`)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import yaml
from ruamel.yaml import YAML

from editor.core.article.model import Article, TagsAsTextError, split_tag_text
from editor.core.article.new_article import finish_new_article, template_article


def _yaml12(text: str) -> dict:
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    return reader.load(io.StringIO(text))


@pytest.mark.parametrize("value", ["081", "0612345678", "0o17", "1e3", "-.5", "+12", ".inf", "0x1F", "1_000"])
def test_values_yaml_1_2_reads_as_numbers_are_quoted(value: str) -> None:
    for key in ("x", "title"):
        block = Article.from_text("---\n---\n").with_field(key, value).front_matter or ""
        assert _yaml12(block)[key] == value
        assert yaml.safe_load(block)[key] == value
    tags = Article.from_text("---\ntags: [a]\n---\n").with_tags(["a", value]).front_matter or ""
    assert _yaml12(tags)["tags"] == ["a", value]


def test_plain_words_stay_unquoted() -> None:
    assert Article.from_text("---\n---\n").with_field("x", "الرباط 081").front_matter == "x: الرباط 081\n"


@pytest.mark.parametrize(
    ("raw", "tags"),
    [
        ("أمن, الرباط", ["أمن", "الرباط"]),  # Obsidian
        ("أمن، الرباط", ["أمن", "الرباط"]),
        ("أمن الرباط", ["أمن", "الرباط"]),  # Jekyll
        ("#أمن #الرباط", ["أمن", "الرباط"]),
        ("الأمن الوطني, الرباط", ["الأمن الوطني", "الرباط"]),
    ],
)
def test_tags_written_as_one_string_are_read_the_way_their_tools_do(raw: str, tags: list[str]) -> None:
    assert split_tag_text(raw) == tags
    article = Article.from_text(f'---\ntags: "{raw}"\n---\nنص\n')
    assert article.tags == tags
    assert "one string" in str(article.problems[0])


def test_a_tag_edit_on_a_tag_string_needs_consent_then_writes_a_list() -> None:
    article = Article.from_text("---\ntags: أمن, الرباط  # من أوبسيديان\n---\nنص\n")
    assert article.tags_as_text == "أمن, الرباط"
    with pytest.raises(TagsAsTextError):
        article.with_tags(["أمن", "الرباط", "وسم"])
    edited = article.with_tags(["أمن", "الرباط", "وسم"], split_tags=True)
    assert edited.text == "---\ntags: [أمن, الرباط, وسم]  # من أوبسيديان\n---\nنص\n"
    assert edited.tags_as_text is None and not edited.problems


def test_multi_line_flow_list_keeps_its_comment_and_layout() -> None:
    article = Article.from_text("---\ntags: [أمن,\n  الرباط]  # تعليق\n---\n")
    assert article.with_tags(["الرباط", "وسم"]).front_matter == "tags: [الرباط, وسم]  # تعليق\n"
    kept = article.with_tags(["أمن", "الرباط", "وسم"]).front_matter
    assert kept == "tags: [أمن,\n  الرباط, وسم]  # تعليق\n"
    assert yaml.safe_load(kept)["tags"] == ["أمن", "الرباط", "وسم"]


def test_new_article_ends_with_a_newline_and_gets_lang_only_when_it_reads_rtl() -> None:
    day = dt.date(2024, 5, 12)
    english = finish_new_article(template_article("The budget vote", today=day))
    assert "lang" not in english.meta and english.text.endswith("\n")
    arabic = finish_new_article(template_article("تصويت الميزانية", today=day))
    assert arabic.meta["lang"] == "ar"
    typed = template_article("", today=day).with_body("Budget talks resume today")
    assert not typed.text.endswith("\n")
    finished = finish_new_article(typed)
    assert finished.text.endswith("today\n") and "lang" not in finished.meta
    chosen = finish_new_article(template_article("عنوان", today=day).with_field("lang", "fa"))
    assert chosen.meta["lang"] == "fa"
