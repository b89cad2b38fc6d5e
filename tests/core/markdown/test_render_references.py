"""Regressions found by outside references (issue 12): number runs after inline elements, hashtags
with `{…}`, raw HTML with `>` in attributes, remote images inside links, `data-toc-label`."""

from __future__ import annotations

import re

import pytest
from bidi import get_display

from editor.core.markdown.raw_html import add_block_dirs, html_text
from editor.core.markdown.render import render_body
from editor.core.text.direction import LRM


def _visible(fragment: str) -> str:
    """The paragraph text a browser lays out (tags removed, marks kept)."""
    return html_text(fragment).strip()


def _displayed_in_order(fragment: str, run: str) -> bool:
    shown = get_display(_visible(fragment), base_dir="R").replace(LRM, "")
    return run in shown


@pytest.mark.parametrize(
    "markdown",
    [
        "قال **الوزير** 03-73 نافذ",
        "قال #وسم 03-73 نافذ",
        "قال [الوزير](u) 03-73 نافذ",
        "**قال الوزير**: 03-73",
        "قال `x` إن القانون 03-73",
        "قال *ال**وزير*** 2024-05-12",
        "قال <b>الوزير</b> 03-73",
        "- قال **الوزير** 03-73",
        "## قال **الوزير** 03-73",
    ],
)
def test_number_run_after_an_inline_element_gets_its_mark(markdown: str) -> None:
    fragment = render_body(markdown).html
    assert f"{LRM}03-73" in fragment or f"{LRM}2024-05-12" in fragment
    assert _displayed_in_order(fragment, "03-73") or _displayed_in_order(fragment, "2024-05-12")
    bare = render_body(markdown, isolate_numbers=False).html
    assert not _displayed_in_order(bare, "03-73") and not _displayed_in_order(bare, "2024-05-12")


def test_number_run_split_by_markup_and_arabic_indic_digits() -> None:
    assert f"قال {LRM}03-<strong>73</strong>" in render_body("قال 03-**73** و").html
    assert f"٠٣{LRM}-{LRM}٧٣" in render_body("قال **الوزير** ٠٣-٧٣").html


def test_number_runs_after_latin_or_inside_code_get_no_mark() -> None:
    assert LRM not in render_body("قال <b>x</b> 03-73").html  # after a Latin letter: in order already
    assert LRM not in render_body("قال **الوزير** `03-73`").html  # code is never changed


@pytest.mark.parametrize(
    ("markdown", "text", "tag"),
    [("#ن{ا}", "{ا}", "ن"), ("#وسم{.}", "{.}", "وسم"), ("قال #وسم{: .x} هنا", "{: .x}", "وسم")],
)
def test_braces_after_a_hashtag_stay_text(markdown: str, text: str, tag: str) -> None:
    rendered = render_body(markdown)
    assert text in rendered.html
    assert f'<span class="hashtag" data-tag="{tag}">' in rendered.html
    assert rendered.hashtags == [tag]


def test_dir_override_after_a_hashtag_is_the_paragraph_s() -> None:
    fragment = render_body("نص #وسم{dir=ltr}").html
    assert fragment.startswith('<p dir="ltr">')
    assert '<span class="hashtag" data-tag="وسم">#وسم</span></p>' in fragment
    assert "{dir" not in fragment


@pytest.mark.parametrize(
    ("markdown", "opening"),
    [
        ('<div title="a > b">نص عربي</div>', '<div title="a &gt; b" dir="rtl">'),
        ('<p title="x>y">نص</p>', '<p title="x&gt;y" dir="rtl">'),
        ('<div data-x="1>0">نص</div>', '<div dir="rtl">'),
        ("<div title='a>b'>English text here</div>", '<div title="a&gt;b" dir="ltr">'),
    ],
)
def test_raw_html_with_gt_in_an_attribute_keeps_its_shape(markdown: str, opening: str) -> None:
    fragment = render_body(markdown).html
    assert fragment.startswith(opening)
    assert "&gt;نص" not in fragment and 'b"' not in _visible(fragment)


def test_add_block_dirs_changes_only_start_tags() -> None:
    source = '<div title="a > b">\n<!-- <p> -->\n<p>x</p><pre>y</pre><hr/><p dir="ltr">z</p></div>'
    out = add_block_dirs(source, lambda tag: None if tag == "hr" else ("ltr" if tag == "pre" else "rtl"))
    assert out == (
        '<div title="a > b" dir="rtl">\n<!-- <p> -->\n<p dir="rtl">x</p><pre dir="ltr">y</pre><hr/>'
        '<p dir="ltr">z</p></div>'
    )
    assert html_text('<p title="a > b">x &amp; y</p>').strip() == "x & y"


def test_remote_image_inside_a_link_becomes_text_of_that_link() -> None:
    fragment = render_body("[نص ![صورة](https://x.com/i.png) بعد](http://y.com/)").html
    assert fragment.count("<a ") == 1
    link = re.search(r"<a [^>]*>(.*?)</a>", fragment)
    assert link is not None and "بعد" in link.group(1) and "صورة" in link.group(1)
    assert "x.com" not in fragment  # no remote source left inside the link either
    alone = render_body("![صورة](https://x.com/i.png)").html
    assert 'class="remote-image" href="https://x.com/i.png"' in alone


def test_data_toc_label_is_consumed() -> None:
    markdown = "# Python support {data-toc-label='<abbr title=\"Python > 3\">Python</abbr> &amp; support'}"
    rendered = render_body(markdown)
    assert rendered.html == '<h1 dir="ltr" id="python-support">Python support</h1>'
    assert rendered.toc[0].title == "Python & support"
    assert rendered.toc[0].id == "python-support"
