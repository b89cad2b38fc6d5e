"""The direction rule on hand-written paragraphs, the override, article direction, editor lines."""

from __future__ import annotations

import pytest

from editor.core.text.direction import (
    article_direction,
    article_lang,
    line_directions,
    paragraph_direction,
    paragraph_override,
    set_paragraph_override,
    text_direction,
    word_directions,
)

# (markdown paragraph, expected direction in an RTL article)
PARAGRAPHS = [
    # Arabic
    ("استقبل المدير العام للأمن الوطني أمس وفداً أمنياً رفيع المستوى.", "rtl"),
    ("قال الوزير: «لن نتراجع».", "rtl"),
    ("مُحَمَّدٌ رَسُولُ اللَّهِ", "rtl"),
    ("#الرباط: تأكيد “المغرب” و”الإمارات” على تعزيز تعاونهما", "rtl"),
    # English
    ("The minister said the talks went well.", "ltr"),
    ("The minister said «نعم».", "ltr"),
    ("Midad (مداد) is an editor for journalists.", "ltr"),
    ("The minister met محمد بن سلمان in Riyadh on Tuesday.", "ltr"),
    # mixed, Arabic sentence with Latin names and brands
    ("Apple تعلن عن هاتف جديد", "rtl"),
    ("Apple تعلن", "rtl"),
    ("«BBC» قالت إن الحكومة استقالت", "rtl"),
    ("«BBC» قالت", "rtl"),
    ("قالت «BBC News Arabic»", "rtl"),
    ("أعلنت Microsoft Corporation", "rtl"),
    ("قال Emmanuel Macron إن فرنسا مستعدة", "rtl"),
    ("وقالت شركة Google LLC Mountain View California", "rtl"),
    ("قمة #COP28 في دبي", "rtl"),
    ("Apple iPhone 15 Pro Max", "ltr"),
    # Markdown syntax, links, code, URLs do not vote
    ("**مهم**: راجع [the official report](https://example.com/report)", "rtl"),
    ("انظر https://www.example.com/some/long/english/path", "rtl"),
    ("نفّذ الأمر `git commit --amend --no-edit` بعد ذلك", "rtl"),
    ("See `تجربة عربية طويلة جدا هنا` for details", "ltr"),
    ('<span class="note">ملاحظة</span>', "rtl"),
    # lists, quotes, headings, tables (as their Markdown)
    ("- بند أول في القائمة", "rtl"),
    ("1. First item of the list", "ltr"),
    ("> اقتباس من التقرير", "rtl"),
    ("> A quote from the report", "ltr"),
    ("## عنوان فرعي", "rtl"),
    ("## English heading", "ltr"),
    ("| الاسم | العمر |\n|---|---|\n| علي | 30 |", "rtl"),
    ("| Name | Age |\n|---|---|\n| Ali | 30 |", "ltr"),
    # numbers only, punctuation, empty: the article direction
    ("2024-05-12", "rtl"),
    ("1373 و 2178", "rtl"),
    ("03-73", "rtl"),
    ("…", "rtl"),
    ("", "rtl"),
    ("   ", "rtl"),
    # explicit override wins
    ("The minister said the talks went well. {dir=rtl}", "rtl"),
    ("تجربة عربية {dir=ltr}", "ltr"),
    ("تجربة عربية\n{: dir=ltr}", "ltr"),
]


@pytest.mark.parametrize(("markdown", "expected"), PARAGRAPHS)
def test_paragraph_direction(markdown: str, expected: str) -> None:
    assert paragraph_direction(markdown, "rtl") == expected


def test_at_least_thirty_hand_written_paragraphs() -> None:
    assert len(PARAGRAPHS) >= 30


@pytest.mark.parametrize("markdown", ["2024-05-12", "…", "", "- 1", "| 1 | 2 |"])
def test_no_letters_takes_the_article_direction(markdown: str) -> None:
    assert paragraph_direction(markdown, "ltr") == "ltr"
    assert paragraph_direction(markdown, "rtl") == "rtl"


def test_words_vote_not_letters() -> None:
    # one long Latin word against two short Arabic ones: by letters LTR, by words RTL
    assert text_direction("Internationalization في عن") == "rtl"
    assert word_directions("قال Apple 2024 «نعم»") == ["rtl", "ltr", "rtl"]


def test_override_read_set_and_removed() -> None:
    assert paragraph_override("نص {dir=ltr}") == "ltr"
    assert paragraph_override('نص {: dir="RTL" }') == "rtl"
    assert paragraph_override("نص {dir=ltr} بعد") is None
    assert set_paragraph_override("نص عربي", "ltr") == "نص عربي {dir=ltr}"
    assert set_paragraph_override("نص عربي {dir=ltr}\n", "rtl") == "نص عربي {dir=rtl}\n"
    assert set_paragraph_override("نص عربي {dir=ltr}", None) == "نص عربي"
    with pytest.raises(ValueError):
        set_paragraph_override("x", "auto")


@pytest.mark.parametrize(
    ("meta", "body", "expected"),
    [
        ({"dir": "ltr", "lang": "ar"}, "نص عربي", "ltr"),
        ({"lang": "ar"}, "English text only", "rtl"),
        ({"lang": "fa-IR"}, "", "rtl"),
        ({"lang": "he"}, "", "rtl"),
        ({"lang": "en"}, "نص عربي", "ltr"),
        ({"lang": "fr_FR"}, "", "ltr"),
        ({}, "English article body with words.", "ltr"),
        ({}, "مقال عربي مع Apple و BBC", "rtl"),
        ({}, "", "rtl"),
        ({"dir": "sideways"}, "", "rtl"),
    ],
)
def test_article_direction(meta: dict, body: str, expected: str) -> None:
    assert article_direction(meta, body) == expected


def test_article_lang() -> None:
    assert article_lang({"lang": "fa"}, "rtl") == "fa"
    assert article_lang({}, "rtl") == "ar"
    assert article_lang({}, "ltr") == "en"


def test_line_directions_per_paragraph_item_heading_and_table() -> None:
    body = "\n".join(
        [
            "# عنوان",  # 0
            "فقرة عربية",  # 1
            "تكملة English words here and more",  # 2 (same paragraph as 1)
            "",  # 3 blank after RTL paragraph
            "- English item",  # 4
            "- بند عربي",  # 5
            "  continued بند",  # 6 (continuation of 5)
            "",  # 7
            "| Name | Age |",  # 8
            "|---|---|",  # 9
            "| علي | 30 |",  # 10
            "",  # 11
            "```",  # 12
            "كود عربي",  # 13
            "```",  # 14
            "English paragraph.",  # 15
        ]
    )
    assert line_directions(body, "rtl") == [
        "rtl",
        "rtl",
        "rtl",
        "rtl",
        "ltr",
        "rtl",
        "rtl",
        "rtl",
        "ltr",
        "ltr",
        "ltr",
        "ltr",
        "ltr",
        "ltr",
        "ltr",
        "ltr",
    ]


def test_line_directions_length_and_blank_start() -> None:
    assert line_directions("", "ltr") == ["ltr"]
    assert line_directions("\n\nEnglish", "rtl") == ["rtl", "rtl", "ltr"]
    text = "سطر\n\nline\n"
    assert len(line_directions(text)) == len(text.split("\n"))


def test_line_directions_follow_the_override() -> None:
    assert line_directions("نص عربي\nسطر ثان {dir=ltr}", "rtl") == ["ltr", "ltr"]
    # only on the paragraph's last line
    assert line_directions("نص عربي {dir=ltr}\nسطر ثان", "rtl") == ["rtl", "rtl"]


def test_direction_unit_is_the_renderers_unit():
    from editor.core.text.direction import direction_unit

    lines = ["# عنوان", "فقرة تبدأ هنا", "وتكمل هنا", "- بند", "- بند آخر", "  تابع البند"]
    assert direction_unit(lines, 0) == (0, 1)
    assert direction_unit(lines, 2) == (1, 3)
    assert direction_unit(lines, 4) == (4, 6)
    assert direction_unit(lines, 5) == (4, 6)
    table = ["| أ | ب |", "|---|---|", "| 1 | 2 |"]
    assert direction_unit(table, 2) == (0, 3)
