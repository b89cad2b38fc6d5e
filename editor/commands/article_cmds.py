"""`midad show|set|new`: read and edit one article's metadata from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from editor.commands import CommandError
from editor.core.article.files import LoadedArticle, load_article, save_article
from editor.core.article.model import STATUSES, Article, TagsAsTextError, is_iso_date
from editor.core.article.new_article import finish_new_article, template_article
from editor.core.article.storage import ANY, LEGACY_NAMES, ArticleIOError
from editor.core.library.tags import clean_tag_text, tag_key
from editor.core.text.arabic import count_characters, count_words, reading_minutes


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `show`, `set` and `new`."""
    show = subparsers.add_parser("show", help="print an article's metadata, word count and warnings")
    show.add_argument("file")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument("--wpm", type=int, default=200, help="reading speed in words per minute (default 200)")
    show.set_defaults(handler=cmd_show)

    set_ = subparsers.add_parser("set", help="change front-matter fields without touching anything else")
    set_.add_argument("file")
    set_.add_argument("assignments", nargs="*", metavar="KEY=VALUE", help="tags=a,b sets the whole tag list")
    set_.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    set_.add_argument("--remove-tag", action="append", default=[], metavar="TAG")
    set_.add_argument("--unset", action="append", default=[], metavar="KEY", help="remove a field")
    set_.add_argument(
        "--split-tags",
        action="store_true",
        help="allow a tag edit to rewrite a `tags` string another tool wrote (`tags: a, b`) as a list",
    )
    set_.set_defaults(handler=cmd_set)

    new = subparsers.add_parser("new", help="create a new article from the template")
    new.add_argument("path")
    new.add_argument("--title", required=True)
    new.add_argument("--author")
    new.add_argument("--location")
    new.add_argument("--tag", action="append", default=[])
    new.add_argument("--status", default="draft", choices=STATUSES)
    new.set_defaults(handler=cmd_new)


def _load(path: str) -> LoadedArticle:
    try:
        return load_article(path)
    except ArticleIOError as exc:
        raise CommandError(str(exc)) from exc


def article_figures(article: Article, words_per_minute: int = 200) -> dict:
    """Words, characters and reading time of the body (front matter and Markdown not counted)."""
    words = count_words(article.body)
    return {
        "words": words,
        "characters": count_characters(article.body),
        "reading_minutes": reading_minutes(words, words_per_minute),
    }


def cmd_show(args: argparse.Namespace) -> int:
    loaded = _load(args.file)
    article = loaded.article
    if args.wpm <= 0:
        raise CommandError("--wpm must be a positive number of words per minute")
    data = article.json_meta()
    data.setdefault("title", article.title)
    data.update(article_figures(article, args.wpm))
    data["warnings"] = loaded.warnings
    data["path"] = str(loaded.path)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for key, value in data.items():
        if key == "warnings":
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        print(f"{key}: {shown}")
    for warning in loaded.warnings:
        print(f"warning: {warning}")
    return 0


def _validate_key(key: str) -> None:
    if not key or any(ch in key for ch in ":#\n\r\t '\"[]{}") or key.startswith("-"):
        raise CommandError(f"`{key}` is not a usable front-matter key")


def _validate(key: str, value: str) -> None:
    _validate_key(key)
    if key == "status" and value not in STATUSES:
        raise CommandError(f"status must be one of {', '.join(STATUSES)}, not `{value}`")
    if key == "date" and value and not is_iso_date(value):
        raise CommandError(f"date `{value}` is not an ISO 8601 date (YYYY-MM-DD)")
    if key == "dir" and value not in ("rtl", "ltr"):
        raise CommandError(f"dir must be rtl or ltr, not `{value}`")


def _parse_assignment(text: str) -> tuple[str, str | list[str]]:
    if "=" not in text:
        raise CommandError(f"`{text}` is not KEY=VALUE")
    key, value = text.split("=", 1)
    key = key.strip()
    _validate(key, value)
    if key == "tags":
        return key, [t.strip() for t in value.replace("،", ",").split(",") if t.strip()]
    return key, value


def apply_tag_changes(tags: list[str], add: list[str], remove: list[str]) -> list[str]:
    """Tag list after removing and adding, comparing tags the Arabic-insensitive way."""
    removed = {tag_key(t) for t in remove}
    result = [t for t in tags if tag_key(t) not in removed]
    present = {tag_key(t) for t in result}
    for tag in add:
        clean = clean_tag_text(tag)
        if clean and tag_key(clean) not in present:
            result.append(clean)
            present.add(tag_key(clean))
    return result


def cmd_set(args: argparse.Namespace) -> int:
    if not (args.assignments or args.add_tag or args.remove_tag or args.unset):
        raise CommandError("nothing to change: give KEY=VALUE, --add-tag, --remove-tag or --unset")
    loaded = _load(args.file)
    if loaded.notice:
        raise CommandError(
            f"{args.file} is encoded as {LEGACY_NAMES.get(loaded.encoding, loaded.encoding)}, not UTF-8;"
            " open it in Midad and save it to convert it first"
        )
    article = loaded.article
    if not article.front_matter_ok:
        problem = next(str(p) for p in article.problems)
        raise CommandError(f"{args.file}: the front matter has an error ({problem}); fix it first")
    changes = [_parse_assignment(a) for a in args.assignments]
    split = args.split_tags
    try:
        for key, value in changes:
            article = article.with_field(key, value, split_tags=split)
        for key in args.unset:
            _validate_key(key)
            article = article.with_field(key, None)
        if args.add_tag or args.remove_tag:
            new_tags = apply_tag_changes(article.tags, args.add_tag, args.remove_tag)
            article = article.with_tags(new_tags, split_tags=split)
    except TagsAsTextError as exc:
        raise CommandError(f"{args.file}: {exc}; add --split-tags to do so") from exc
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    if article.text == loaded.article.text:
        return 0
    try:
        save_article(loaded, article, expected=loaded.digest or ANY)  # another writer meanwhile: refused
    except ArticleIOError as exc:
        raise CommandError(str(exc)) from exc
    _keep_history(loaded)
    return 0


def _keep_history(loaded: LoadedArticle) -> None:
    """The version a save replaced goes to the local history (`midad history FILE`); never fails the save."""
    from editor.core.article.files import article_bytes
    from editor.core.recovery.history import HistoryStore
    from editor.core.text.arabic import count_words

    try:
        data = article_bytes(loaded.article, loaded.encoding, loaded.bom)
        HistoryStore().add(loaded.path, data, count_words(loaded.article.body))
    except OSError:
        pass


def new_article(title: str, author: str | None = None, location: str | None = None,
                tags: list[str] | None = None, status: str = "draft",
                today: dt.date | None = None) -> Article:  # fmt: skip
    """A fresh article with front matter in Midad's field order and an empty body (no `lang` yet:
    `finish_new_article` decides it at the first save)."""
    return template_article(title, author, location, apply_tag_changes([], tags or [], []), status, today)


def cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.name or path.name in (".", "..") or args.path.endswith(("/", "\\")) or path.is_dir():
        raise CommandError(
            f"`{args.path}` is a folder, not an article file name (e.g. {Path(args.path) / 'article.md'})"
        )
    if path.suffix.lower() not in (".md", ".markdown"):
        path = path.with_name(path.name + ".md")
    if path.exists():
        raise CommandError(f"{path} already exists; choose another name")
    if not args.title.strip():
        raise CommandError("--title must not be empty")
    article = new_article(args.title.strip(), args.author, args.location, args.tag, args.status)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save_article(path, finish_new_article(article))
    except OSError as exc:
        raise CommandError(str(exc)) from exc
    print(path)
    return 0
