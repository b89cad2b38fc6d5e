"""Opening and saving article files: encoding, read-only state, atomic lossless saves."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from editor.core.article.model import Article
from editor.core.article.storage import (
    ANY,
    UTF8,
    ArticleIOError,
    SaveError,
    atomic_write_bytes,
    encode_text,
    is_read_only,
    read_text_file,
)
from editor.core.text.messages import msg


@dataclass(frozen=True)
class LoadedArticle:
    """An article as read from disk, with what is needed to write it back the same way."""

    article: Article
    path: Path
    encoding: str = UTF8
    bom: bool = False
    notice: str | None = None  # e.g. "read as Windows-1256"
    read_only_reason: str | None = None
    mtime_ns: int = 0
    size: int = 0
    digest: str | None = None  # content_digest of the bytes on disk when loaded or saved

    @property
    def warnings(self) -> list[str]:
        """Everything the user should be told about this file, one sentence each."""
        items = [self.notice] if self.notice else []
        if self.read_only_reason:
            items.append(self.read_only_reason)
        return items + [str(p) for p in self.article.problems]

    def changed_on_disk(self) -> bool:
        """True when the file on disk was modified or removed since it was loaded."""
        try:
            st = self.path.stat()
        except OSError:
            return True
        return (st.st_mtime_ns, st.st_size) != (self.mtime_ns, self.size)


def link_out_of_folder(path: Path) -> Path | None:
    """The target of `path` when it is a symbolic link leading out of its own folder, else None."""
    try:
        if not path.is_symlink():
            return None
        target = Path(os.path.realpath(path))
        folder = Path(os.path.realpath(path.parent))
    except OSError:
        return None
    return None if target.is_relative_to(folder) else target


def _read_only_reason(path: Path) -> str | None:
    target = link_out_of_folder(path)
    if target is not None:  # opened directly by path: readable; saving over it needs "Edit anyway"
        return msg(
            "{name} is a link to {target}, outside its folder: it is opened read-only",
            name=path.name,
            target=target,
        )
    if is_read_only(path):
        return msg("{name} is read-only: changes can only be saved under another name", name=path.name)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return msg("the folder of {name} is read-only: changes can only be saved elsewhere", name=path.name)
    return None


def load_article(path: str | os.PathLike[str]) -> LoadedArticle:
    """Read an article file. Raises ArticleIOError (BinaryFileError for non-text files)."""
    path = Path(path)
    decoded = read_text_file(path)
    st = path.stat()
    return LoadedArticle(
        article=Article.from_text(decoded.text),
        path=path,
        encoding=decoded.encoding,
        bom=decoded.bom,
        notice=decoded.notice,
        read_only_reason=_read_only_reason(path),
        mtime_ns=st.st_mtime_ns,
        size=st.st_size,
        digest=decoded.digest,
    )


def article_bytes(article: Article, encoding: str = UTF8, bom: bool = False) -> bytes:
    """The bytes a save writes: UTF-8/UTF-16 as read; a legacy encoding becomes UTF-8."""
    if encoding not in (UTF8, "utf-16-le", "utf-16-be"):
        encoding, bom = UTF8, False
    return encode_text(article.text, encoding, bom)


def save_article(
    target: LoadedArticle | str | os.PathLike[str],
    article: Article,
    path: str | os.PathLike[str] | None = None,
    expected: str | None = ANY,
) -> LoadedArticle:
    """Save `article` atomically and return the new LoadedArticle.

    `target` is the LoadedArticle it came from (its encoding and BOM are kept; a legacy encoding
    is saved as UTF-8), or a path for a new UTF-8 file. `path` saves elsewhere (Save As).
    `expected` is the digest the file on disk must still have (None: it must not exist; ANY: no
    check); otherwise SaveConflict is raised and nothing is written.
    Raises SaveError naming the cause; the file on disk is then unchanged.
    """
    if isinstance(target, LoadedArticle):
        dest = Path(path) if path is not None else target.path
        encoding, bom = target.encoding, target.bom
    else:
        dest = Path(path) if path is not None else Path(target)
        encoding, bom = UTF8, False
    data = article_bytes(article, encoding, bom)
    digest = atomic_write_bytes(dest, data, expected)
    try:
        st = dest.stat()
    except OSError as exc:
        raise SaveError(
            msg("{path} was saved but cannot be read back: {cause}", path=dest, cause=exc.strerror)
        ) from exc
    saved_encoding = encoding if encoding in (UTF8, "utf-16-le", "utf-16-be") else UTF8
    base = target if isinstance(target, LoadedArticle) else LoadedArticle(article=article, path=dest)
    return replace(
        base,
        article=article,
        path=dest,
        encoding=saved_encoding,
        bom=bom if saved_encoding == encoding else False,
        notice=None,
        read_only_reason=_read_only_reason(dest),
        mtime_ns=st.st_mtime_ns,
        size=st.st_size,
        digest=digest,
    )


__all__ = ["ArticleIOError", "LoadedArticle", "SaveError", "article_bytes", "load_article", "save_article"]
