"""TOML (`+++`) and JSON (`{ }`) front matter, as Hugo writes it: recognised, read, edited or refused."""

from __future__ import annotations

import tomllib

import pytest

from editor.core.article.model import Article
from editor.core.markdown.page import export_fragment, export_text

TOML = (
    "+++\n"
    'title = "القانون رقم 03-73"  # العنوان\n'
    "date = 2024-05-12\n"
    'tags = ["أمن", "الرباط"]\n'
    "draft = true\n"
    "\n"
    "[params]\n"
    'author = "x"\n'
    "+++\n"
    "نص المقال\n"
)
JSON = '{\n  "title": "Hello",\n  "tags": ["a", "b"],\n  "date": "2024-05-12"\n}\nThe body.\n'


def test_toml_front_matter_is_read_not_published() -> None:
    article = Article.from_text(TOML)
    assert article.split is not None and article.split.kind == "toml"
    assert article.title == "القانون رقم 03-73"
    assert article.tags == ["أمن", "الرباط"]
    assert article.meta["date"] == "2024-05-12"
    assert article.body == "نص المقال\n"
    assert not article.problems
    assert "+++" not in export_text(article) and "draft" not in export_fragment(article)


def test_json_front_matter_is_read_not_published() -> None:
    article = Article.from_text(JSON)
    assert article.split is not None and article.split.kind == "json"
    assert (article.title, article.tags, article.body) == ("Hello", ["a", "b"], "The body.\n")
    assert "title" not in export_text(article).split("\n\n", 1)[1]


def test_toml_field_edits_touch_only_their_line_and_never_add_a_yaml_block() -> None:
    article = Article.from_text(TOML)
    edited = article.with_field("status", "ready").with_field("title", 'جديد "x"').with_tags(["أمن", "وسم"])
    text = edited.text
    assert not text.startswith("---") and text.count("+++") == 2
    assert 'title = "جديد \\"x\\""  # العنوان\n' in text  # the comment is kept
    assert 'tags = ["أمن", "وسم"]\n' in text
    assert 'status = "ready"\n\n[params]' in text  # a new key goes before the first table
    assert text.endswith('[params]\nauthor = "x"\n+++\nنص المقال\n')
    data = tomllib.loads(text.split("+++\n")[1])
    assert data["title"] == 'جديد "x"' and data["params"] == {"author": "x"} and data["status"] == "ready"
    assert edited.with_field("date", "2024-06-01").text.count("date = 2024-06-01\n") == 1
    assert "draft" not in edited.with_field("draft", None).text


def test_toml_multi_line_value_is_refused_not_rewritten() -> None:
    article = Article.from_text('+++\ntags = [\n  "a",\n  "b",\n]\n+++\nx\n')
    assert article.tags == ["a", "b"]
    with pytest.raises(ValueError, match="several lines"):
        article.with_tags(["a"])


def test_json_front_matter_edits_are_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="JSON"):
        Article.from_text(JSON).with_field("status", "ready")


def test_broken_toml_and_unclosed_toml_are_problems() -> None:
    broken = Article.from_text('+++\ntitle = "x\n+++\nbody\n')
    assert not broken.front_matter_ok and "TOML" in str(broken.problems[0])
    unclosed = Article.from_text('+++\ntitle = "x"\nbody\n')
    assert unclosed.problems and "never closed" in str(unclosed.problems[0])


def test_a_body_starting_with_a_brace_is_not_front_matter() -> None:
    assert Article.from_text("{dir=ltr} text\n").split is None
    assert Article.from_text("{\nnot json\n}\n").front_matter_ok is False  # reported, body intact
    assert Article.from_text("{\nnot json\n}\n").body == ""
