"""Reading one library file into what the index stores about it.

Everything is derived from the lead's `Article.from_text` (front matter, title, tags, problems) and
the shared rules (`count_words`, `extract_hashtags`, `normalize_for_match`). A file that cannot be
read as an article (binary, unreadable) still gives a record, with its problem, so the library
can list it; nothing here ever writes a file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field

from editor.core.article.model import Article
from editor.core.article.storage import ArticleIOError, decode_bytes, describe_os_error, read_file_bytes
from editor.core.library.body_stats import body_stats
from editor.core.library.index_text import drop_marks, index_bytes, index_form, others_of, search_text
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
    fts_body: bytes = b""  # UTF-8 (`index_bytes`)
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
    name = rel_path.rpartition("/")[2]
    stem = _stem(name)
    try:
        decoded = decode_bytes(data, name)
    except ArticleIOError as exc:
        record.title = stem
        record.problem = _exc_text(exc)
        record.fts_title = index_form(stem)
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
    others = others_of(body)  # (one pass over the body for all that follows)
    bare = drop_marks(body, others)  # (deleted by both the word count and the word index)
    record.words, record.hashtags = body_stats(body, others, bare)  # = count_words, extract_hashtags
    record.front_matter = article.front_matter
    record.meta = meta
    record.fm_tags = [str(t) for t in article.tags]
    record.problem = join_texts(problems)
    record.fts_title = index_form(record.title)
    record.fts_body = index_bytes(*bare)
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


def _stem(name: str) -> str:
    """`PurePosixPath(name).stem` of a file name (no `/`), without building a path object."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
)
_AT_ONCE = 1 << 20  # files up to this size are read with one `read` call


def _read_file(path: str) -> tuple[bytes, int, int]:
    """Bytes, size and mtime (ns) of a regular file: open, fstat, one read, close for an article of
    ordinary size; anything else (not a regular file, big, changing while read) is read by
    `read_file_bytes`, which refuses what must not be read with its own message."""
    fd = os.open(path, _OPEN_FLAGS)  # (without blocking: a FIFO put there since the scan never waits)
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and info.st_size <= _AT_ONCE:
            data = os.read(fd, info.st_size + 1)  # one more byte: a file that grew is not taken as whole
            if len(data) == info.st_size:
                return data, info.st_size, info.st_mtime_ns
    finally:
        os.close(fd)
    data = read_file_bytes(path)  # regular files only, never blocking, size-capped
    info = os.stat(path)
    return data, info.st_size, info.st_mtime_ns


def read_record(root: str, rel_path: str) -> ArticleRecord:
    """Read `root/rel_path` and build its record; an unreadable file gives a record with its problem."""
    path = os.path.join(root, rel_path)
    try:
        data, size, mtime_ns = _read_file(path)
    except ArticleIOError as exc:
        return problem_record(rel_path, _exc_text(exc))
    except OSError as exc:
        cause = describe_os_error(exc)
        name = rel_path.rpartition("/")[2]
        return problem_record(rel_path, msg("{path} cannot be read: {cause}", path=name, cause=cause))
    return record_from_bytes(rel_path, data, size, mtime_ns)


def problem_record(rel_path: str, problem: str, size: int = 0, mtime_ns: int = 0) -> ArticleRecord:
    """The record of a file that is listed with its problem and never read."""
    record = ArticleRecord(rel_path, size, mtime_ns, "")
    record.title = _stem(rel_path.rstrip("/").rpartition("/")[2]) or rel_path
    record.problem = problem
    record.fts_title = index_form(record.title)
    return record
