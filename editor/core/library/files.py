"""Creating and renaming article files inside a library (deleting goes to the system trash, in the UI).

New articles get a front matter (title, date, status draft, empty tags) and a file name from the
title's slug (`slug.suggest_file_name`), never overwriting an existing file. Renaming keeps the
file in its folder, refuses names that would leave the folder or replace another file, and can
follow the article's slug on request (`slug_file_name`).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from editor.core.article.files import load_article, save_article
from editor.core.article.model import Article
from editor.core.article.slug import suggest_file_name
from editor.core.library.scan import ARTICLE_SUFFIXES


class LibraryFileError(ValueError):
    """A create/rename that cannot be done; str() is one sentence naming the cause."""


def unique_path(folder: Path, file_name: str) -> Path:
    """`folder/file_name`, or `name-2.md`, `name-3.md`… when it is taken."""
    candidate = folder / file_name
    stem, suffix = candidate.stem, candidate.suffix or ".md"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def new_article_text(title: str, date: dt.date | None = None) -> str:
    """The text of a new article: front matter with title, date, draft status, no tags; empty body."""
    article = Article.from_text("")
    article = article.with_field("title", title.strip())
    article = article.with_field("date", (date or dt.date.today()).isoformat())
    article = article.with_field("status", "draft")
    article = article.with_field("tags", [])
    return article.text + "\n"


def create_article(folder: str | os.PathLike[str], title: str, date: dt.date | None = None) -> Path:
    """Write a new article named after `title` in `folder`; return its path."""
    if not title.strip():
        raise LibraryFileError("a new article needs a title")
    folder = Path(folder)
    path = unique_path(folder, suggest_file_name(None, title))
    save_article(path, Article.from_text(new_article_text(title, date)))
    return path


def slug_file_name(path: str | os.PathLike[str]) -> str:
    """The file name the article at `path` would have if it followed its slug (or title)."""
    loaded = load_article(path)
    slug = loaded.article.meta.get("slug")
    return suggest_file_name(slug if isinstance(slug, str) else None, loaded.article.title)


def validate_file_name(name: str) -> str:
    """`name` as an article file name (`.md` added when missing); LibraryFileError if unusable."""
    name = name.strip()
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise LibraryFileError(f"{name!r} is not a usable file name")
    if name.startswith("."):
        raise LibraryFileError("a file name starting with `.` would hide the article")
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        name += ".md"
    return name


def rename_article(path: str | os.PathLike[str], new_name: str) -> Path:
    """Rename the article file at `path` within its folder; return the new path."""
    path = Path(path)
    name = validate_file_name(new_name)
    target = path.with_name(name)
    if target == path:
        return path
    if target.exists() and not _same_file(target, path):
        raise LibraryFileError(f"{name} already exists in this folder")
    try:
        os.rename(path, target)
    except OSError as exc:
        raise LibraryFileError(f"cannot rename {path.name}: {exc.strerror or exc}") from exc
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # e.g. a change of letter case on a case-insensitive disk
    except OSError:
        return False
