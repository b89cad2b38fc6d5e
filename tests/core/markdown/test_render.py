"""The renderer: hashtags vs headings, `dir` on every block, overrides, extensions, number runs."""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser

import pytest

from editor.core.markdown.extension import BLOCK_TAGS
from editor.core.markdown.hashtags import extract_hashtags
from editor.core.markdown.render import render_body, slugify
from editor.core.text.direction import LRM, line_directions


class Tags(HTMLParser):
    """Start tags with attributes and the text inside each, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._stack: list[int] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self.text.append("")
        if tag not in ("br", "hr", "img", "col", "wbr"):
            self._stack.append(len(self.tags) - 1)

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        for index in self._stack:
            self.text[index] += data

    def of(self, name: str) -> list[tuple[dict[str, str], str]]:
        return [(attrs, self.text[i]) for i, (tag, attrs) in enumerate(self.tags) if tag == name]


KITCHEN_SINK = """# عنوان المقال

## Apple تعلن عن هاتف

فقرة عربية فيها #وسم و[رابط](https://example.com).

The minister said «نعم».

- بند أول
- English item
- 123

1. أول
2. ثاني

> اقتباس من التقرير
>
> A quoted English sentence.

| الاسم | Name | العمر |
|:---|:---:|---:|
| علي | Ali | 30 |

```python
print("مرحبا")
```

    indented code

Term of art *[WHO]

*[WHO]: World Health Organization

نص مع حاشية[^1].

[^1]: نص الحاشية.

<div>
<p>raw block paragraph in English</p>
</div>

---
"""


def test_every_block_element_has_an_explicit_dir() -> None:
    html = render_body(KITCHEN_SINK).html
    blocks = [(tag, attrs) for tag, attrs in Tags(html).tags if tag in BLOCK_TAGS]
    assert len(blocks) > 25
    missing = [(tag, attrs) for tag, attrs in blocks if attrs.get("dir") not in ("rtl", "ltr")]
    assert missing == []
    assert 'dir="auto"' not in html


def test_direction_of_each_block_follows_its_own_text() -> None:
    tags = Tags(render_body(KITCHEN_SINK).html)
    dirs = {text.strip(): attrs["dir"] for attrs, text in tags.of("p") + tags.of("li") + tags.of("h2")}
    assert dirs["Apple تعلن عن هاتف"] == "rtl"
    assert dirs["The minister said «نعم»."] == "ltr"
    assert dirs["English item"] == "ltr"
    assert dirs["123"] == "rtl"  # no letters: the list's direction
    assert dirs["A quoted English sentence."] == "ltr"
    assert dirs["raw block paragraph in English"] == "ltr"
    assert [a["dir"] for a, _ in tags.of("pre")] == ["ltr", "ltr"]


def test_article_direction_is_the_default_for_letterless_blocks() -> None:
    assert Tags(render_body("2024", article_dir="ltr").html).of("p")[0][0]["dir"] == "ltr"
    assert Tags(render_body("2024", article_dir="rtl").html).of("p")[0][0]["dir"] == "rtl"


def test_tables_mirror_as_one_piece_and_cells_have_their_own_dir() -> None:
    tags = Tags(render_body("| الاسم | Name |\n|---|---|\n| علي | Ali |\n").html)
    assert tags.of("table")[0][0]["dir"] == "rtl"
    assert {a["dir"] for a, _ in tags.of("tr")} == {"rtl"}
    cells = {t.strip(): a["dir"] for a, t in tags.of("th") + tags.of("td")}
    assert cells == {"الاسم": "rtl", "Name": "ltr", "علي": "rtl", "Ali": "ltr"}


def test_table_alignment_uses_attributes_not_style() -> None:
    html = render_body("| a | b |\n|:--|--:|\n| 1 | 2 |\n").html
    assert 'align="left"' in html and 'align="right"' in html
    assert "style=" not in html


@pytest.mark.parametrize(
    ("markdown", "tag", "expected"),
    [
        ("The minister said it. {dir=rtl}", "p", "rtl"),
        ("نص عربي {dir=ltr}", "p", "ltr"),
        ("نص عربي\nسطر ثان {dir=ltr}", "p", "ltr"),
        ("نص عربي\n{: dir=ltr}", "p", "ltr"),
        ("## عنوان {dir=ltr}", "h2", "ltr"),
        ("- بند عربي {dir=ltr}", "li", "ltr"),
        ("| a | b |\n|---|---|\n| c | d |\n{dir=rtl}", "table", "rtl"),
    ],
)
def test_override_sets_dir_and_never_shows(markdown: str, tag: str, expected: str) -> None:
    html = render_body(markdown).html
    tags = Tags(html)
    assert tags.of(tag)[0][0]["dir"] == expected
    assert "dir=" not in "".join(tags.text)
    assert "{" not in html


def test_editor_lines_and_renderer_agree_on_every_paragraph() -> None:
    paragraphs = [
        "Apple تعلن عن هاتف جديد",
        "The minister said «نعم».",
        "**مهم**: راجع [the official report](https://example.com/report)",
        "See `تجربة عربية طويلة` for details",
        "نص عربي {dir=ltr}",
        "English text {dir=rtl}",
        "2024-05-12",
        "قالت «BBC News Arabic»",
        '<span class="note">ملاحظة</span> عربية',
        "#الرباط: تأكيد المغرب",
    ]
    body = "\n\n".join(paragraphs)
    editor_dirs = [d for d, line in zip(line_directions(body), body.split("\n"), strict=True) if line]
    rendered_dirs = [a["dir"] for a, _ in Tags(render_body(body).html).of("p")]
    assert rendered_dirs == editor_dirs


def test_raw_html_placeholders_do_not_vote() -> None:
    # the stash placeholder looks like Latin letters; the paragraph is Arabic
    html = render_body('<b class="x">قال</b> <i>الوزير</i> إن <abbr title="t">م</abbr>').html
    assert Tags(html).of("p")[0][0]["dir"] == "rtl"


def test_hashtags_render_as_tag_elements_and_are_reported() -> None:
    rendered = render_body("#الرباط: تأكيد\n\n# عنوان حقيقي\n\nنص مع #غزة و`#كود` و[#رابط](x.html) #الرباط")
    tags = Tags(rendered.html)
    assert [t for _, t in tags.of("h1")] == ["عنوان حقيقي"]
    spans = [(a.get("class"), a.get("data-tag"), t) for a, t in tags.of("span")]
    assert spans == [
        ("hashtag", "الرباط", "#الرباط"),
        ("hashtag", "غزة", "#غزة"),
        ("hashtag", "الرباط", "#الرباط"),
    ]
    assert rendered.hashtags == ["الرباط", "غزة"]


@pytest.mark.parametrize(
    "markdown",
    [
        "#الرباط: تأكيد #المغرب، و#تونس.\n\n## خبر #عاجل",
        "- بند #أول\n- *#ثاني*\n\n> #ثالث",
        "`#لا` و[#لا](u) و<https://x.com/#لا> و{: #لا}\n\n```\n#لا\n```\n\n#نعم",
        "| #جدول |\n|---|\n| #خلية |",
        "&#1571; \\#لا #مُحَمَّد #COP28 #1",
    ],
)
def test_renderer_and_extract_hashtags_agree(markdown: str) -> None:
    assert render_body(markdown).hashtags == extract_hashtags(markdown)


def test_hash_heading_rules() -> None:
    tags = Tags(render_body("#\n\n# عنوان #\n\n####### سبعة\n\n# C#\n\n#وسم").html)
    assert [t for _, t in tags.of("h1")] == ["", "عنوان", "C#"]
    assert any("####### سبعة" in t for _, t in tags.of("p"))


def test_toc_uses_unicode_slugs() -> None:
    rendered = render_body("# الأمن الوطني\n\n## Apple تعلن\n\n## الأمن الوطني")
    assert [(e.level, e.id, e.title) for e in rendered.toc] == [
        (1, "الأمن-الوطني", "الأمن الوطني"),
        (2, "apple-تعلن", "Apple تعلن"),
        (2, "الأمن-الوطني_1", "الأمن الوطني"),
    ]
    ids = [a["id"] for a, _ in Tags(rendered.html).of("h2")]
    assert ids == ["apple-تعلن", "الأمن-الوطني_1"]
    assert slugify("؟!") == "section"


def test_extensions_journalists_need() -> None:
    html = render_body(KITCHEN_SINK).html
    tags = Tags(html)
    assert tags.of("table") and tags.of("abbr") and tags.of("sup")
    assert tags.of("abbr")[0][0]["title"] == "World Health Organization"
    assert any(a.get("class") == "footnote" for a, _ in tags.of("div"))
    assert tags.of("code")[0][0].get("class") == "language-python"
    ol = tags.of("ol")[0]
    assert "أول" in ol[1]


def test_sane_lists_do_not_mix_ordered_and_unordered() -> None:
    tags = Tags(render_body("1. أول\n2. ثاني\n\n- بند").html)
    assert len(tags.of("ol")) == 1 and len(tags.of("ul")) == 1


def test_number_runs_get_a_mark_by_default_and_not_when_disabled() -> None:
    body = "القانون رقم “03-73” للأمن و 1373"
    html = render_body(body).html
    assert f"{LRM}03-73" in html and "1373" in html
    assert LRM not in render_body(body, isolate_numbers=False).html


def test_code_is_never_touched_by_number_marks_or_hashtags() -> None:
    html = render_body("```\nرقم 03-73 #وسم\n```").html
    assert LRM not in html and "hashtag" not in html


def test_crlf_body_renders_like_lf() -> None:
    body = "# عنوان\n\nفقرة #وسم\n"
    assert render_body(body.replace("\n", "\r\n")).html == render_body(body).html


def test_renders_in_parallel_threads_without_mixing_results() -> None:
    results: dict[int, str] = {}

    def work(i: int) -> None:
        results[i] = render_body(f"فقرة رقم {i} #وسم{i}").html

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, html in results.items():
        assert re.search(rf"#وسم{i}<", html)


def test_seed_article_renders_paragraphs_not_headings(seed_text: str) -> None:
    rendered = render_body(seed_text)
    tags = Tags(rendered.html)
    assert not any(tag.startswith("h") and tag[1:].isdigit() for tag, _ in tags.tags)
    assert all(a["dir"] == "rtl" for a, _ in tags.of("p"))
    assert rendered.hashtags == ["الرباط", "العدالة"]
    text = "".join(tags.text).replace(LRM, "")
    for needle in ("03-73", "1373", "2178", "“عبد اللطيف حموشي”", "“علي عبيد الظاهري”"):
        assert needle in text


def test_toc_marker_and_explicit_heading_ids() -> None:
    rendered = render_body("[TOC]\n\n# مقدمة {#intro}\n\n## تفاصيل\n\n# خاتمة")
    assert [(e.level, e.id) for e in rendered.toc] == [(1, "intro"), (2, "تفاصيل"), (1, "خاتمة")]
    tags = Tags(rendered.html)
    toc_div = [a for a, _ in tags.of("div") if a.get("class") == "toc"]
    assert toc_div and toc_div[0]["dir"] == "rtl"
    assert [a["href"] for a, _ in tags.of("a")] == ["#intro", "#تفاصيل", "#خاتمة"]
    assert "[TOC]" not in rendered.html


def test_placeholders_broken_by_python_markdown_emphasis_are_repaired() -> None:
    # Python-Markdown 3.11 alone prints "klzzwxh:0002" here and drops the last code span
    html = render_body("*`a`**`b`*`c`x و *#وسم**#آخر*#ثالث").html
    assert "klzzwxh" not in html
    assert html.count("<code>") == 3
    assert render_body("*#وسم**#آخر*#ثالث").hashtags == ["وسم", "آخر", "ثالث"]
