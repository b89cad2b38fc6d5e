"""Pure Markdown formatting edits used by the editor's actions."""

import pytest

from editor.core.markdown import formatting as fmt
from editor.core.text.direction import paragraph_direction


def test_toggle_inline_wraps_and_unwraps():
    assert fmt.toggle_inline("قال الوزير", 4, 10, "**") == ("قال **الوزير**", 6, 12)
    assert fmt.toggle_inline("قال **الوزير**", 6, 12, "**") == ("قال الوزير", 4, 10)
    assert fmt.toggle_inline("قال **الوزير**", 4, 14, "**") == ("قال الوزير", 4, 10)
    assert fmt.toggle_inline("ab", 1, 1, "*") == ("a**b", 2, 2)


def test_italic_inside_bold_is_added_not_mistaken_for_removal():
    line, a, b = fmt.toggle_inline("**كلمة**", 2, 6, "*")
    assert line == "***كلمة***"


def test_make_link():
    assert fmt.make_link("نص") == ("[نص](https://)", 5, 13)
    assert fmt.make_link("https://a.b/c")[0] == "[https://a.b/c](https://a.b/c)"


def test_headings_replace_existing_levels():
    assert fmt.set_heading(["## عنوان", "", "نص"], 1) == ["# عنوان", "", "# نص"]
    assert fmt.set_heading(["# عنوان"], 1) == ["عنوان"]
    with pytest.raises(ValueError):
        fmt.set_heading(["x"], 7)


def test_lists_and_quotes():
    assert fmt.toggle_bullets(["أ", "", "ب"]) == ["- أ", "", "- ب"]
    assert fmt.toggle_numbers(["- أ", "- ب"]) == ["1. أ", "2. ب"]
    assert fmt.toggle_bullets(["1. أ"]) == ["- أ"]
    assert fmt.toggle_quote(["أ", "", "ب"]) == ["> أ", ">", "> ب"]
    assert fmt.toggle_quote(["> أ", ">", "> ب"]) == ["أ", "", "ب"]


@pytest.mark.parametrize(
    "lines",
    [["فقرة عربية"], ["An English paragraph"], ["سطر أول", "second line in English"], ["نص {dir=ltr}"]],
)
def test_toggle_direction_flips_and_flips_back(lines):
    before = paragraph_direction("\n".join(lines), "rtl")
    flipped = fmt.toggle_direction(lines, "rtl")
    assert paragraph_direction("\n".join(flipped), "rtl") != before
    back = fmt.toggle_direction(flipped, "rtl")
    assert paragraph_direction("\n".join(back), "rtl") == before
    assert "{dir=" not in back[-1] or "{dir=" in lines[-1]


def test_toggle_direction_leaves_blank_paragraphs():
    assert fmt.toggle_direction(["", " "]) == ["", " "]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- بند", ("- ", False)),
        ("  * item", ("  * ", False)),
        ("9. تاسعا", ("10. ", False)),
        ("3) ثالثا", ("4) ", False)),
        ("> اقتباس", ("> ", False)),
        ("- ", ("", True)),
        ("2. ", ("", True)),
        (">", ("", True)),
        ("نص عادي", None),
        ("-بلا مسافة", None),
        ("#وسم", None),
    ],
)
def test_continue_line(line, expected):
    assert fmt.continue_line(line) == expected


def test_keep_number_order_marks_only_rtl_prose():
    from editor.core.markdown.formatting import keep_number_order
    from editor.core.text.direction import LRM

    body = (
        "القانون رقم “03-73” في [الرابط](http://x.com/2024-05-12) و`2024-05-12` وتاريخ 2024-05-12\n"
        "\n"
        "The law 03-73 in English.\n"
        "\n"
        "```\n"
        "2024-05-12 code\n"
        "```\n"
        "رقم ٠٣-٧٣ هنا"
    )
    fixed = keep_number_order(body)
    assert fixed == (
        f"القانون رقم “{LRM}03-73” في [الرابط](http://x.com/2024-05-12) و`2024-05-12` وتاريخ {LRM}2024-05-12\n"
        "\n"
        "The law 03-73 in English.\n"
        "\n"
        "```\n"
        "2024-05-12 code\n"
        "```\n"
        f"رقم ٠٣{LRM}-{LRM}٧٣ هنا"
    )
    assert keep_number_order(fixed) == fixed
    assert fixed.replace(LRM, "") == body


def test_keep_number_order_on_the_seed_article(seed_text):
    from editor.core.markdown.formatting import keep_number_order
    from editor.core.text.direction import LRM, number_runs

    fixed = keep_number_order(seed_text)
    assert fixed.replace(LRM, "") == seed_text
    assert f"“{LRM}03-73”" in fixed
    assert all(not number_runs(line) for line in fixed.split("\n"))


def test_word_span_includes_tashkeel_and_stops_at_punctuation():
    line = "حماية الأَمْنِ، و«القانون» hello_world"
    assert fmt.word_span(line, line.index("مْ")) == (6, 14)
    assert fmt.word_span(line, 6) == (6, 14)  # at the start of the word
    assert fmt.word_span(line, 14) == (6, 14)  # at its end, before the comma
    assert fmt.word_span(line, 15) is None  # after "، "
    q = line.index("القانون")
    assert fmt.word_span(line, q + 2) == (q, q + len("القانون"))
    assert fmt.word_span(line, line.index("_world")) == (line.index("hello"), line.index("_"))
    assert fmt.word_span("", 0) is None


def test_format_inline_formats_the_word_or_inserts_a_pair_between_words():
    assert fmt.format_inline("ا لأمن", 3, 3, "**") == ("ا **لأمن**", 5, 5)
    assert fmt.format_inline("الأمن", 1, 1, "**") == ("**الأمن**", 3, 3)
    assert fmt.format_inline("**الأمن**", 3, 3, "**") == ("الأمن", 1, 1)
    assert fmt.format_inline("قال  ثم", 4, 4, "*") == ("قال ** ثم", 5, 5)
    assert fmt.format_inline("قال ****", 6, 6, "**") == ("قال ", 4, 4)  # Ctrl+B again in the empty pair
    assert fmt.format_inline("قال الوزير", 4, 10, "**") == ("قال **الوزير**", 6, 12)


def test_link_at_caret():
    assert fmt.link_at_caret("قال الوزير", 6) == ("قال [الوزير]()", 13)
    assert fmt.link_at_caret("قال ", 4) == ("قال []()", 5)


def test_shift_column_follows_the_text_after_a_prefix_change():
    assert fmt.shift_column("abc", "# abc", 0) == 2
    assert fmt.shift_column("abc", "# abc", 2) == 4
    assert fmt.shift_column("# abc", "abc", 1) == 0  # inside the removed marks
    assert fmt.shift_column("## abc", "# abc", 3) == 2
    assert fmt.shift_column("abc", "abc {dir=ltr}", 3) == 3
    assert fmt.shift_column("abc", "abc", 2) == 2


def test_shift_column_for_insertions_keeps_the_caret_after_the_same_characters():
    old, new = "رقم 03-73 هنا", "رقم \u200e03-73 هنا"
    assert fmt.shift_column_for_insertions(old, new, 2) == 2
    assert fmt.shift_column_for_insertions(old, new, old.index("73")) == new.index("73")
    assert fmt.shift_column_for_insertions(old, new, len(old)) == len(new)
