"""The XML Word writer (`docx_xml`) writes byte for byte what the python-docx object writer wrote
(`docx_reference.py`), on the seed article, rich samples, Python-Markdown's test inputs and parts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from editor.core.article.model import Article
from editor.core.convert.docx_out import article_docx_bytes
from editor.core.markdown import chunked
from tests.core.convert.docx_reference import reference_docx_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SUITE = sorted((FIXTURES / "python_markdown").rglob("*.txt"))
SEED = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")

RICH = """---
title: عنوان المقال
subtitle: عنوان فرعي
author: كاتب
location: الرباط
date: 2024-05-12
tags: [أمن]
---

فقرة عن #المغرب مع **عريض** و*مائل* و`رمز` و[رابط](https://example.com/x?a=1&b="2") ورقم 03-73.

## عنوان ثان

### English heading with <kbd>key</kbd> & more

- بند أول
- بند ثان مع [رابط آخر](https://example.com/y)
    - بند متداخل
        - أعمق
            - أعمق بعد

1. أولا
2. ثانيا

    فقرة ثانية في البند

> اقتباس **عريض**
>
> ```
> كود في اقتباس
> ```

| البند | القيمة | ثالث |
|---|---|---|
| القرار | 1373 |
| | فارغ | *مائل* |

Table {dir=ltr}

| a | b |
|---|---|
| 1 | 2 |

```
code line\twith tab
  second line\t
```

English paragraph with a [link](https://example.com/x) and ![صورة](img.png) and ![](empty.png).

---

سطر\\
مكسور

<div><p>HTML خام</p><span>سطر</span></div>

نص[^1] آخر[^2]

*[HTML]: Hyper Text

[^1]: حاشية
[^2]: حاشية **ثانية**
"""


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _same(article: Article, **kwargs: object) -> None:
    new, old = _parts(article_docx_bytes(article, **kwargs)), _parts(reference_docx_bytes(article))
    assert new.keys() == old.keys()
    for name in old:
        assert new[name] == old[name], name


@pytest.mark.parametrize("text", [RICH, SEED, "---\nlang: en\n---\n\n" + RICH, "", "نص"])
def test_word_body_is_the_object_writers(text: str) -> None:
    _same(Article.from_text(text))


def test_python_markdown_suite_in_word_is_the_object_writers() -> None:
    # every input of Python-Markdown's suite, one after the other in one article (one comparison)
    _same(Article.from_text("\n\n".join(path.read_text(encoding="utf-8") for path in SUITE)))


def test_word_from_parts_is_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunked, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(chunked, "PART_CHARS", 1)
    body = "\n\n".join(
        [SEED, "## محور [رابط](https://example.com/a)", SEED, "[رابط](https://example.com/a)"] * 3
    )
    article = Article.from_text("---\ntitle: عنوان\n---\n\n" + body)
    _same(article, workers=2)
    document = docx.Document(io.BytesIO(article_docx_bytes(article, workers=2)))
    links = [r for r in document.part.rels.values() if r.is_external]
    assert [r.target_ref for r in links] == ["https://example.com/a"]


def test_text_xml_cannot_hold_is_left_out() -> None:
    data = article_docx_bytes(Article.from_text("نص\x0b فيه\x1f محارف تحكم\ufffe"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "نص فيه محارف تحكم" in text
