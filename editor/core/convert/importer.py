"""Make a Midad article from a file someone else wrote: web text (.txt), HTML, or Word (.docx).

`import_file(path)` reads the file (never writes it), picks the reader by content and suffix, and
returns an `Imported` (the article and sentences for the user). Every failure is an `ImportFailed`
(an `ArticleIOError`) whose text is one sentence: empty, binary, too large, unreadable Word file.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.article.model import Article
from editor.core.article.storage import ArticleIOError, decode_bytes
from editor.core.convert.html_markdown import HtmlTooComplex, html_to_markdown
from editor.core.convert.plain import guess_lang
from editor.core.convert.webtext import web_text_to_article
from editor.core.text.messages import Text, msg

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # a news article is far smaller; this keeps the window responsive
MAX_DOCX_UNPACKED = 200 * 1024 * 1024  # a Word file whose parts unpack to more is refused (zip bomb)
IMPORT_SUFFIXES = (".txt", ".text", ".docx", ".html", ".htm", ".md", ".markdown")


class ImportFailed(ArticleIOError):
    """The file cannot be imported; `str(exc)` says why in one sentence."""


@dataclass
class Imported:
    article: Article
    kind: str  # "text", "html" or "docx"
    notes: list[Text] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (rule, line) set aside as boilerplate


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_import_bytes(path: Path) -> bytes:
    """The file's bytes, after checking it is a non-empty regular file of a sane size."""
    try:
        if path.is_dir():
            raise ImportFailed(msg("{path} is a folder, not a file", path=path))
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFailed(
                msg(
                    "{path} is too large to import ({size}; the limit is {limit})",
                    path=path,
                    size=_size_text(size),
                    limit=_size_text(MAX_IMPORT_BYTES),
                )
            )
        with open(path, "rb") as handle:  # read-only: the source is never modified
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except ImportFailed:
        raise
    except FileNotFoundError as exc:
        raise ImportFailed(msg("{path} does not exist", path=path)) from exc
    except PermissionError as exc:
        raise ImportFailed(msg("{path} cannot be read: permission denied", path=path)) from exc
    except OSError as exc:
        raise ImportFailed(
            msg("{path} cannot be read: {cause}", path=path, cause=exc.strerror or exc)
        ) from exc
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFailed(msg("{path} is too large to import", path=path))
    if not data.strip():
        raise ImportFailed(msg("{path} is empty: there is nothing to import", path=path))
    return data


def markdown_to_article(markdown: str) -> tuple[Article, list[Text]]:
    """An article from converted Markdown: a first heading is the title, else the first line is."""
    notes: list[Text] = []
    blocks = markdown.strip("\n").split("\n\n")
    first = blocks[0].strip() if blocks else ""
    heading = re.match(r"^#{1,6}\s+(.+?)\s*#*$", first) if "\n" not in first else None
    if heading:
        title, body = heading.group(1).strip(), "\n\n".join(blocks[1:])
    else:
        plain = re.sub(r"[*_`\\]|\[|\]\([^)]*\)", "", first.split("\n", 1)[0])
        plain = re.sub(r"^(?:[-+>]|\d+\.)\s+", "", plain).strip()
        title, body = plain[:120], "\n\n".join(blocks)
        if title:
            notes.append(msg("the text has no headline line: the title was taken from its first sentence"))
    body = body.strip("\n") + "\n" if body.strip() else ""
    article = Article.from_text("---\n---\n\n" + body)
    for key, value in (("title", title), ("status", "draft"), ("lang", guess_lang(body or title))):
        if value:
            article = article.with_field(key, value)
    return article, notes


def docx_to_html(data: bytes, name: str) -> str:
    """The HTML mammoth makes of a Word file's bytes (images reduced to their description)."""
    import mammoth

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED:
                raise ImportFailed(msg("{name} unpacks to too much data to import", name=name))
            if "word/document.xml" not in archive.namelist():
                raise ImportFailed(msg("{name} is not a Word (.docx) document", name=name))
        images = mammoth.images.img_element(lambda image: {"alt": image.alt_text or ""})
        result = mammoth.convert_to_html(io.BytesIO(data), convert_image=images)
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged Word file can fail anywhere in zipfile, lxml or mammoth
        raise ImportFailed(msg("{name} is not a readable Word (.docx) document", name=name)) from exc
    return result.value


def _looks_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.match(r"<(?:body|article|div|p|h1)\b", head)
    )


def import_bytes(data: bytes, name: str, suffix: str = "") -> Imported:
    """Import a file's bytes (`name` for messages, `suffix` such as `.docx` to help choose)."""
    suffix = suffix.lower()
    if data.startswith(b"PK\x03\x04") and suffix in (".docx", ".docm", ".dotx", ""):
        html = docx_to_html(data, name)
        return _from_html(html, "docx", name)
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed(msg("{name} is a binary file, not a text article", name=name))
    decoded = decode_bytes(data, name)
    notes: list[Text] = [decoded.notice] if decoded.notice else []
    if not decoded.text.strip(" \t\r\n\ufeff\u200b\u200e\u200f"):
        raise ImportFailed(msg("{path} is empty: there is nothing to import", path=name))
    if suffix in (".html", ".htm", ".xhtml") or _looks_html(decoded.text):
        imported = _from_html(decoded.text, "html", name)
        imported.notes[:0] = notes
        return imported
    article, found = web_text_to_article(decoded.text)
    return Imported(article, "text", notes + found.notes, found.dropped)


def _from_html(html: str, kind: str, name: str) -> Imported:
    try:
        markdown = html_to_markdown(html)
    except HtmlTooComplex as exc:
        raise ImportFailed(msg("{name} cannot be imported: {cause}", name=name, cause=exc.args[0])) from exc
    if not markdown.strip():
        raise ImportFailed(msg("{path} is empty: there is nothing to import", path=name))
    article, notes = markdown_to_article(markdown)
    return Imported(article, kind, notes)


def import_file(path: str | os.PathLike[str]) -> Imported:
    """Import the file at `path` (see the module docstring). Raises ImportFailed."""
    path = Path(path)
    data = read_import_bytes(path)
    try:
        return import_bytes(data, str(path), path.suffix)
    except ImportFailed:
        raise
    except ArticleIOError as exc:  # binary, undecodable
        raise ImportFailed(*exc.args) from exc
