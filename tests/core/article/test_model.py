"""The Article model: parsing, problems with line numbers, titles and lossless edits."""

from __future__ import annotations

import pytest

from editor.core.article.model import Article, is_iso_date

FULL = (
    "---\n"
    "# Midad article\n"
    'title: "القانون رقم 03-73"\n'
    "author: سلمى   # byline\n"
    "date: 2024-05-12\n"
    "location: الرباط، المغرب\n"
    "tags: [أمن, الرباط]\n"
    "status: draft\n"
    "custom_flag: no\n"
    "nested:\n"
    "  key: [1, 2]\n"
    "---\n"
    "\n"
    "نص المقال\u00a0مع مسافة غير قابلة للكسر.\r\n"
)


def test_parse_known_and_user_keys():
    article = Article.from_text(FULL)
    assert article.meta["title"] == "القانون رقم 03-73"
    assert article.meta["date"] == "2024-05-12"
    assert article.tags == ["أمن", "الرباط"]
    assert article.meta["custom_flag"] is False
    assert article.meta["nested"] == {"key": [1, 2]}
    assert article.problems == ()
    assert article.body == "\nنص المقال\u00a0مع مسافة غير قابلة للكسر.\r\n"
    assert article.body_start_line == 13


def test_no_front_matter_title_is_first_line(seed_text):
    article = Article.from_text(seed_text)
    assert article.split is None
    assert article.body == seed_text
    assert article.title.startswith("الرباط: تأكيد")
    assert article.tags == []


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("\n\n# عنوان المقال\n\nنص", "عنوان المقال"),
        ("**خبر عاجل**\n", "خبر عاجل"),
        ("", ""),
        ("> اقتباس\n", "اقتباس"),
    ],
)
def test_title_fallbacks(body, title):
    assert Article.from_text(body).title == title


def test_edit_one_field_changes_only_its_line():
    article = Article.from_text(FULL)
    edited = article.with_field("status", "ready")
    assert edited.text == FULL.replace("status: draft\n", "status: ready\n")
    edited = article.with_field("author", "علي")
    assert edited.text == FULL.replace("author: سلمى   # byline\n", "author: علي   # byline\n")


def test_tags_edit_keeps_everything_else():
    edited = Article.from_text(FULL).with_tags(["أمن", "الرباط", "الإمارات"])
    assert edited.text == FULL.replace("tags: [أمن, الرباط]", "tags: [أمن, الرباط, الإمارات]")


def test_body_edit_keeps_front_matter_bytes():
    article = Article.from_text(FULL)
    edited = article.with_body("نص جديد\n")
    assert edited.split.block == article.split.block
    assert edited.body == "نص جديد\n"


def test_adding_a_field_to_a_file_without_front_matter(seed_text):
    edited = Article.from_text(seed_text).with_field("status", "review")
    assert edited.text == "---\nstatus: review\n---\n" + seed_text
    assert edited.meta["status"] == "review"


def test_crlf_file_gets_crlf_lines():
    text = "---\r\ntitle: a\r\n---\r\nb\r\n"
    assert (
        Article.from_text(text).with_field("author", "x").text
        == "---\r\ntitle: a\r\nauthor: x\r\n---\r\nb\r\n"
    )


@pytest.mark.parametrize(
    ("yaml", "needle", "line"),
    [
        ("title: [oops\n", "a list in square brackets [ ] is not closed", 2),
        ("tags: أمن\n", "`tags` is one string", 2),
        ("a: 1\nstatus: finished\n", "unknown status", 3),
        ("date: 12/05/2024\n", "not an ISO 8601 date", 2),
        ("dir: sideways\n", "must be rtl or ltr", 2),
        ("a: &x 1\nb: *x\n", "aliases", 3),
    ],
)
def test_malformed_front_matter_opens_with_a_problem(yaml, needle, line):
    text = f"---\n{yaml}---\nالنص سليم\n"
    article = Article.from_text(text)
    assert article.body == "النص سليم\n"
    assert article.text == text
    problem = next(p for p in article.problems if needle in p.message)
    if line is not None:
        assert problem.line == line


def test_bad_yaml_refuses_field_edits_but_keeps_body_edits():
    article = Article.from_text("---\ntitle: [oops\n---\nbody\n")
    assert not article.front_matter_ok
    with pytest.raises(ValueError):
        article.with_field("title", "x")
    assert article.with_body("new\n").text == "---\ntitle: [oops\n---\nnew\n"


def test_unclosed_front_matter_is_body_with_a_problem():
    article = Article.from_text("---\ntitle: x\nbody without end\n")
    assert article.body == "---\ntitle: x\nbody without end\n"
    assert article.problems[0].line == 1


@pytest.mark.parametrize(
    "value", ["2024-05-12", "2024-05-12T09:30:00+01:00", "2024-05-12 09:30", "2024-05-12T09:30Z"]
)
def test_iso_dates(value):
    assert is_iso_date(value)


@pytest.mark.parametrize("value", ["2024-13-01", "12/05/2024", "2024-5-1", "yesterday"])
def test_not_iso_dates(value):
    assert not is_iso_date(value)


def test_duplicate_keys_are_reported_and_the_effective_one_is_edited():
    text = "---\ntitle: a\nauthor: x\ntitle: b\n---\nnص\n"
    article = Article.from_text(text)
    assert article.meta["title"] == "b"
    assert any("written 2 times" in p.message and p.line == 4 for p in article.problems)
    edited = article.with_field("title", "c")
    assert edited.text == "---\ntitle: a\nauthor: x\ntitle: c\n---\nnص\n"
    assert edited.meta["title"] == "c"


def test_title_from_a_huge_first_line_is_cut_at_a_word():
    article = Article.from_text("كلمة " * 100_000)
    assert len(article.title) <= 201 and article.title.endswith("كلمة…")


def test_unchanged_value_rewrites_nothing():
    text = "---\ntitle: 'x'   # c\ntags: [a, b]   # my tags\n---\nbody\n"
    article = Article.from_text(text)
    assert article.with_field("title", "x") is article
    assert article.with_tags(["a", "b"]) is article


def test_tag_edits_keep_comments_and_untouched_items():
    text = "---\ntags: # my tags\n  - أمن  # first\n  # a comment line\n  - 'الرباط'\nz: 1\n---\nbody\n"
    edited = Article.from_text(text).with_tags(["أمن", "الرباط", "المغرب"])
    assert edited.text == (
        "---\ntags: # my tags\n  - أمن  # first\n  # a comment line\n  - 'الرباط'\n  - المغرب\nz: 1\n---\nbody\n"
    )
    removed = Article.from_text(text).with_tags(["الرباط"])
    assert removed.text == "---\ntags: # my tags\n  # a comment line\n  - 'الرباط'\nz: 1\n---\nbody\n"
    flow = Article.from_text("---\ntags: [1, true, أمن]   # keep\n---\nb\n").with_tags(
        ["1", "true", "أمن", "جديد"]
    )
    assert flow.text == "---\ntags: [1, true, أمن, جديد]   # keep\n---\nb\n"


@pytest.mark.parametrize("tags", ["{a: 1}", "[[a, b], [c]]", "[a, {b: 1}]"])
def test_tag_edits_refuse_to_replace_maps_or_nested_lists(tags):
    article = Article.from_text(f"---\ntags: {tags}\n---\nbody\n")
    with pytest.raises(ValueError, match="more than a list of words"):
        article.with_tags(["جديد"])


def test_classic_mac_cr_only_files():
    text = "---\rtitle: قديم\rtags: [x]\rstatus: finished\r---\r\rنص عربي #تونس\r"
    article = Article.from_text(text)
    assert article.meta["title"] == "قديم" and article.tags == ["x"]
    assert article.body == "\rنص عربي #تونس\r" and article.newline == "\r"
    assert [p.line for p in article.problems] == [4]
    assert article.body_start_line == 6
    edited = article.with_field("status", "ready").with_tags(["x", "y"])
    assert edited.text == "---\rtitle: قديم\rtags: [x, y]\rstatus: ready\r---\r\rنص عربي #تونس\r"
    assert Article.from_text("سطر\rآخر\r").with_field("title", "x").text == "---\rtitle: x\r---\rسطر\rآخر\r"


def test_nested_tags_are_reported_once():
    article = Article.from_text("---\ntags: [[a, b], [c], ok]\n---\nx\n")
    assert article.tags == ["ok"]
    assert sum("nested" in p.message for p in article.problems) == 1


def test_an_int_field_is_written_as_a_yaml_integer_and_nothing_else_moves():
    article = Article.from_text(FULL)
    edited = article.with_field("words_goal", 800)
    assert edited.text == FULL.replace("  key: [1, 2]\n", "  key: [1, 2]\nwords_goal: 800\n")
    assert edited.meta["words_goal"] == 800  # an int for YAML 1.1 and 1.2 readers alike
    quoted = Article.from_text('---\nwords_goal: "800"  # goal\ntitle: t\n---\nنص\n')
    assert quoted.with_field("words_goal", 800) is quoted  # the same number: not a byte rewritten
    assert quoted.with_field("words_goal", 1200).text == "---\nwords_goal: 1200  # goal\ntitle: t\n---\nنص\n"
    toml = Article.from_text('+++\ntitle = "t"\nwords_goal = "5"\n+++\nنص\n')
    assert toml.with_field("words_goal", 700).text == '+++\ntitle = "t"\nwords_goal = 700\n+++\nنص\n'
    assert toml.with_field("words_goal", 700).meta["words_goal"] == 700
