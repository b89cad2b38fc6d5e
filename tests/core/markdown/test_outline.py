"""The outline: headings of the body by the renderer's rules, with their lines."""

from __future__ import annotations

from editor.core.markdown.outline import OutlineHeading, heading_at, outline

BODY = """# العنوان الأول {#x}

فقرة

## **ثاني** ##

```
# ليس عنوانا
```

عنوان سطري
---

<div>
# لا
</div>

- بند
---
### [رابط](http://x) {dir=ltr}
#وسم
"""


def test_headings_with_levels_titles_and_lines():
    assert outline(BODY) == [
        OutlineHeading(1, "العنوان الأول", 0),
        OutlineHeading(2, "ثاني", 4),
        OutlineHeading(2, "عنوان سطري", 10),
        OutlineHeading(3, "رابط", 19),
    ]


def test_heading_at_finds_the_section_of_a_line():
    headings = outline(BODY)
    assert heading_at(headings, 0) == 0
    assert heading_at(headings, 3) == 0
    assert heading_at(headings, 12) == 2
    assert heading_at(outline("فقرة\n\n# عنوان"), 0) is None


def test_empty_and_long_titles():
    assert outline("#") == [OutlineHeading(1, "", 0)]
    assert len(outline("# " + "ب" * 500)[0].title) == 200
