"""Reading one library file into what the index stores about it.

Everything is derived from the lead's `Article.from_text` (front matter, title, tags, problems) and
the shared rules (`count_words`, `extract_hashtags`, `normalize_for_match`). A file that cannot be
read as an article (binary, unreadable) still gives a record, with its problem, so the library
can list it; nothing here ever writes a file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from editor.core.article.model import Article
from editor.core.article.storage import ArticleIOError, decode_bytes, describe_os_error, read_file_bytes
from editor.core.library.body_stats import body_stats
from editor.core.library.index_text import fast_normalize, fts_text, search_text
from editor.core.text.messages import join_texts, msg


@dataclass
class ArticleRecord:
    """What the index knows about one file (paths are relative to the library, with `/`)."""

    rel_path: str
    size: int
    mtime_ns: int
    content_hash: str
    title: str = ""
    date: str = ""
    status: str = ""
    words: int = 0
    front_matter: str | None = None
    meta: dict = field(default_factory=dict)
    fm_tags: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    problem: str | None = None  # a translatable `Text` (editor.core.text.messages) when Midad wrote it
    encoding: str = "utf-8"
    # search text in matching form, prepared for the word index (`index_text.fts_text`)
    fts_title: str = ""
    fts_body: str = ""
    body_at: int = -1  # where the body starts in `index_text.search_text` of the file (-1: unknown)

    @property
    def tags(self) -> list[str]:
        """Every tag spelling of the article: front-matter tags, then body hashtags."""
        return [*self.fm_tags, *self.hashtags]


def content_hash(data: bytes) -> str:
    """Hash of a file's bytes (BLAKE2b, 128 bits, hex)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def record_from_bytes(rel_path: str, data: bytes, size: int, mtime_ns: int) -> ArticleRecord:
    """Build the record of one file from its bytes."""
    record = ArticleRecord(rel_path, size, mtime_ns, content_hash(data))
    stem = PurePosixPath(rel_path).stem
    try:
        decoded = decode_bytes(data, PurePosixPath(rel_path).name)
    except ArticleIOError as exc:
        record.title = stem
        record.problem = _exc_text(exc)
        record.fts_title = fts_text(fast_normalize(stem))
        return record
    article = Article.from_text(decoded.text)
    meta = article.json_meta()
    body = article.body
    problems: list[object] = [p.describe() for p in article.problems]
    if decoded.notice:
        problems.insert(0, decoded.notice)
    record.encoding = decoded.encoding
    record.title = article.title or stem
    record.date = _as_text(meta.get("date"))
    record.status = _as_text(meta.get("status"))
    record.words, record.hashtags = body_stats(body)  # = count_words, extract_hashtags
    record.front_matter = article.front_matter
    record.meta = meta
    record.fm_tags = [str(t) for t in article.tags]
    record.problem = join_texts(problems)
    record.fts_title = fts_text(fast_normalize(record.title))
    record.fts_body = fts_text(fast_normalize(body))
    record.body_at = _body_offset(data, decoded.encoding, decoded.text, body)
    return record


_UNICODE = ("utf-8", "utf-16-le", "utf-16-be")  # decoded as `search_text` decodes them


def _body_offset(data: bytes, encoding: str, decoded: str, body: str) -> int:
    """Where `body` starts in the text search will read (so search needs no front-matter parser)."""
    if encoding in _UNICODE:  # the same text as `search_text(data, encoding)`, without decoding again
        text = decoded.lstrip("\ufeff")
    else:
        try:
            text = search_text(data, encoding)
        except (UnicodeDecodeError, LookupError):
            return -1
    return len(text) - len(body) if text.endswith(body) else -1


def _exc_text(exc: BaseException) -> str:
    """The exception's sentence, keeping a translatable `Text` as it is."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)


def read_record(root: str, rel_path: str) -> ArticleRecord:
    """Read `root/rel_path` and build its record; an unreadable file gives a record with its problem."""
    path = Path(root, rel_path)
    try:
        st = os.stat(path)
        data = read_file_bytes(path)  # regular files only, never blocking, size-capped
    except ArticleIOError as exc:
        return problem_record(rel_path, _exc_text(exc))
    except OSError as exc:
        cause = describe_os_error(exc)
        return problem_record(rel_path, msg("{path} cannot be read: {cause}", path=path.name, cause=cause))
    return record_from_bytes(rel_path, data, st.st_size, st.st_mtime_ns)


def problem_record(rel_path: str, problem: str, size: int = 0, mtime_ns: int = 0) -> ArticleRecord:
    """The record of a file that is listed with its problem and never read."""
    record = ArticleRecord(rel_path, size, mtime_ns, "")
    record.title = PurePosixPath(rel_path.rstrip("/")).stem or rel_path
    record.problem = problem
    record.fts_title = fts_text(fast_normalize(record.title))
    return record
