"""HTML → Markdown (markdownify tuned): structure kept, tracking and scripts dropped, bounded input."""

from __future__ import annotations

import pytest

from editor.core.convert.html_markdown import HtmlTooComplex, clean_href, html_to_markdown
from editor.core.markdown.render import render_body


def test_nested_lists_render_nested() -> None:
    markdown = html_to_markdown("<ul><li>أ<ul><li>ب</li></ul></li><li>ج</li></ul><ol><li>د</li></ol>")
    assert markdown == "- أ\n    - ب\n- ج\n\n1. د\n"
    html = render_body(markdown).html
    assert html.count("<ul") == 2 and html.count("<ol") == 1


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://a.example/x?utm_source=fb&id=1&fbclid=z", "https://a.example/x?id=1"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("mailto:desk@example.com", "mailto:desk@example.com"),
        ("/relative/path", None),
    ],
)
def test_clean_href(href: str, expected: str | None) -> None:
    assert clean_href(href) == expected


def test_dangerous_and_invisible_content_is_dropped() -> None:
    html = (
        '<p onclick="x()">نص <a href="javascript:steal()">رابط</a></p><script>evil()</script>'
        "<style>p{}</style><form><input value='x'><button>إرسال</button></form>"
        '<div style="display:none">مخفي</div><iframe src="https://ads.example"></iframe>'
        '<img src="data:image/png;base64,AAAA" alt="صورة مضمنة"><img src="https://x.example/1x1.gif">'
    )
    assert html_to_markdown(html) == "نص رابط\n\nصورة مضمنة\n"


def test_google_docs_wrapper_is_not_bold() -> None:
    html = '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">عريض</span> عادي</p></b>'
    assert html_to_markdown(html) == "**عريض** عادي\n"


def test_layout_tables_are_unwrapped() -> None:
    html = "<table><tr><td><table><tr><th>أ</th></tr><tr><td>1</td></tr></table></td></tr></table>"
    markdown = html_to_markdown(html)
    assert "| أ |" in markdown and "| 1 |" in markdown


def test_bounded_input() -> None:
    with pytest.raises(HtmlTooComplex):
        html_to_markdown("<div>" * 5000 + "x" + "</div>" * 5000)
    with pytest.raises(HtmlTooComplex):
        html_to_markdown("<p>" + "x" * 9_000_000 + "</p>")
    with pytest.raises(HtmlTooComplex):
        html_to_markdown("<p>" * 3000 + "نص")  # html.parser nests unclosed paragraphs
    assert html_to_markdown("<div><span>" * 74 + "نص" + "</span></div>" * 74) == "نص\n"


def test_unclosed_tags_take_linear_time() -> None:
    import time

    start = time.perf_counter()
    html_to_markdown("<p>" + "<a " * 50_000 + "</p>")
    assert time.perf_counter() - start < 5
