"""`midad export` of a big article renders it in parts on every core: the files are the whole render's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.article.model import Article
from editor.core.convert.docx_out import article_docx_bytes
from editor.core.markdown import chunked
from editor.core.markdown.page import export_fragment, export_html, export_text
from tests.conftest import SEED_PATH


@pytest.fixture
def big_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(chunked, "MIN_PARALLEL_CHARS", 20_000)  # a few parts, without a huge file
    monkeypatch.setattr(chunked, "PART_CHARS", 5_000)
    monkeypatch.setattr(chunked, "default_workers", lambda: 2)
    seed = SEED_PATH.read_text(encoding="utf-8")
    extra = "## محور [رابط](https://example.com/r)\n\n- بند\n- بند ثان\n\n| أ | ب |\n|---|---|\n| 1 | 2 |"
    path = tmp_path / "big.md"
    path.write_text("---\ntitle: مقال كبير\n---\n\n" + f"\n\n{extra}\n\n".join([seed] * 12), encoding="utf-8")
    return path


def test_big_article_exports_in_parts_equal_the_whole_render(big_article: Path, monkeypatch, capsys) -> None:
    parts_seen: list[int] = []
    split = chunked.split_parts
    monkeypatch.setattr(chunked, "split_parts", lambda text, n: parts_seen.append(n) or split(text, n))
    article = Article.from_text(big_article.read_text(encoding="utf-8"))
    whole = {
        "html": export_html(article, big_article.parent),
        "fragment": export_fragment(article, big_article.parent),
        "text": export_text(article),
    }
    for fmt, expected in whole.items():
        out = big_article.parent / f"out.{fmt}"
        assert main(["export", str(big_article), "--to", fmt, "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8") == expected, fmt
    assert parts_seen  # the command went through the parts
    out = big_article.parent / "out.docx"
    assert main(["export", str(big_article), "--to", "docx", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as made, zipfile.ZipFile(io.BytesIO(article_docx_bytes(article))) as one:
        assert made.read("word/document.xml") == one.read("word/document.xml")
        assert made.read("word/_rels/document.xml.rels") == one.read("word/_rels/document.xml.rels")
