"""Front matter: split, safe parsing, and edits that touch only one field's lines."""

from __future__ import annotations

import time

import pytest

from editor.core.article import frontmatter as fm


def test_split_keeps_every_byte():
    text = "---\r\ntitle: x\r\n---\r\nbody\r\n"
    split = fm.split_front_matter(text)
    assert split is not None
    assert split.opening + split.yaml_text + split.closing + split.body == text
    assert split.yaml_text == "title: x\r\n"
    assert split.body == "body\r\n"


def test_bom_does_not_hide_front_matter():
    split = fm.split_front_matter("\ufeff---\ntitle: x\n---\nb")
    assert split is not None and split.yaml_text == "title: x\n"


def test_dot_closing_and_empty_block():
    assert fm.split_front_matter("---\na: 1\n...\nb").body == "b"
    assert fm.split_front_matter("---\n---\nb").yaml_text == ""


@pytest.mark.parametrize(
    "text", ["no front matter\n---\nx", "---\nnever closed\n", "--- \nx", "----\na\n----\n"]
)
def test_not_front_matter(text):
    assert fm.split_front_matter(text) is None


def test_parse_keeps_scalars_as_text():
    typed, textual = fm.parse_yaml("title: no\ndate: 2024-05-12\ntags: [2024, yes]\n")
    assert typed["title"] is False
    assert textual["title"] == "no"
    assert textual["date"] == "2024-05-12"
    assert textual["tags"] == ["2024", "yes"]


def test_aliases_are_refused_quickly():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    )
    start = time.perf_counter()
    with pytest.raises(fm.FrontMatterError) as info:
        fm.parse_yaml(bomb)
    assert time.perf_counter() - start < 1
    assert "aliases" in str(info.value)
    assert info.value.line == 2


def test_object_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "ran"
    typed, textual = fm.parse_yaml(f"x: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()
    assert typed == textual == {"x": [f"touch {marker}"]}


def test_deep_nesting_is_an_error_not_a_crash():
    with pytest.raises(fm.FrontMatterError):
        fm.parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n")


def test_not_a_mapping():
    with pytest.raises(fm.FrontMatterError):
        fm.parse_yaml("- just\n- a list\n")


def test_set_field_changes_only_its_line():
    text = "# top comment\ntitle: 'Old'   # keep me\nauthor: \"A\"\nextra: no\n"
    out = fm.set_field(text, "title", "جديد")
    assert out == "# top comment\ntitle: 'جديد'   # keep me\nauthor: \"A\"\nextra: no\n"


def test_set_field_quotes_values_yaml_would_change():
    out = fm.set_field("title: a\n", "title", "no")
    assert out == 'title: "no"\n'
    assert fm.parse_yaml(fm.set_field("title: a\n", "title", "x: y #z"))[0]["title"] == "x: y #z"
    assert fm.parse_yaml(fm.set_field("title: a\n", "title", "2024"))[0]["title"] == "2024"


def test_set_date_stays_plain():
    assert fm.set_field("date: 2020-01-01\n", "date", "2024-05-12") == "date: 2024-05-12\n"


def test_block_list_keeps_style_and_indent():
    text = "tags:\n    - 'a'\n    - 'b'\nstatus: draft\n"
    out = fm.set_field(text, "tags", ["a", "الرباط"])
    assert out == "tags:\n    - 'a'\n    - 'الرباط'\nstatus: draft\n"


def test_flow_list_keeps_style():
    assert fm.set_field("tags: [a, b]\n", "tags", ["a", "c, d"]) == 'tags: [a, "c, d"]\n'


def test_compact_block_list_at_column_zero():
    text = "tags:\n- a\n- b\nz: 1\n"
    assert fm.set_field(text, "tags", ["x"]) == "tags:\n- x\nz: 1\n"


def test_remove_field_and_add_new_field():
    text = "a: 1\nsummary: |\n  line one\n  line two\nb: 2\n"
    assert fm.set_field(text, "summary", None) == "a: 1\nb: 2\n"
    assert fm.set_field("a: 1", "b", "x") == "a: 1\nb: x\n"
    assert fm.set_field("a: 1\r\n", "b", "x", "\r\n") == "a: 1\r\nb: x\r\n"


def test_multiline_value_round_trips():
    value = 'سطر أول\nسطر ثان\t«مقتبس» "quoted" \\ back'
    out = fm.set_field("summary: x\n", "summary", value)
    assert fm.parse_yaml(out)[0]["summary"] == value
    assert out.count("\n") == 1


def test_comment_between_fields_stays_with_next():
    text = "title: a\n\n# about tags\ntags: [x]\n"
    assert fm.set_field(text, "title", "b") == "title: b\n\n# about tags\ntags: [x]\n"


def test_field_line():
    assert fm.field_line("a: 1\n\ntags:\n - x\n", "tags") == 3
    assert fm.field_line("a: 1\n", "tags") is None


def test_fast_and_safe_parsers_agree():
    # no & or *: libyaml is used; with them: the alias-refusing pure-Python parser
    plain = "title: 'a b'\ndate: 2024-05-12\ntags: [x, y]\nflag: no\n"
    starred = plain + "note: 'a*b & c'\n"
    assert fm.parse_yaml(starred)[0] == {**fm.parse_yaml(plain)[0], "note": "a*b & c"}
    assert fm.parse_yaml(starred)[1]["flag"] == "no"


def test_duplicate_keys_found_in_every_spelling():
    assert fm.duplicate_keys("title: a\n'title': b\n") == {"title": [1, 2]}
    assert fm.duplicate_keys("{a: 1, a: 2}\n") == {"a": [1, 1]}
    assert fm.duplicate_keys("a: 1\nb: 2\n") == {}
