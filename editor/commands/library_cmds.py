"""`midad index|tags|search|tag`: the library from the command line.

    midad index DIR [--json]              one entry per article (path, title, date, status, tags, words)
    midad tags DIR [--json]               [{"tag", "count", "variants"}], most used first
    midad search DIR QUERY [--json]       matching articles, best first, with snippets
    midad tag rename DIR OLD NEW          every spelling of OLD becomes NEW (front matter and #hashtags)
    midad tag merge DIR SOURCE... TARGET  the SOURCE tags become TARGET
    midad tag remove DIR TAG              TAG leaves every article (a #hashtag keeps its word)
    midad tag undo DIR                    undo the last tag operation (files changed since are left alone)

The index lives in the cache folder: `--cache-dir`, else `$MIDAD_CACHE_DIR`, else `$XDG_CACHE_HOME/midad`.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sqlite3
import sys
from collections.abc import Callable

from editor.commands import CommandError
from editor.core.article.storage import describe_os_error


def _terminal_progress() -> Callable[[int, int], None] | None:
    """A progress line for long index updates, on stderr and only when it is a terminal
    (pipes and scripts get nothing); redrawn at most ten times a second, cleared at the end."""
    if not sys.stderr.isatty():
        return None
    import time

    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        end = "\r\033[K" if done >= total else ""
        sys.stderr.write(f"\rmidad: indexing [{bar}] {done}/{total}{end}")
        sys.stderr.flush()

    return show


def _library(args: argparse.Namespace):  # noqa: ANN202 - imported lazily to keep the CLI start fast
    """The library of `args.dir`, its index brought up to date; lists loaded when first used."""
    from editor.core.library.facade import Library

    folder = args.dir
    if not os.path.isdir(folder):
        raise CommandError(
            f"{folder} is not a folder" if os.path.exists(folder) else f"{folder} does not exist"
        )
    try:
        library = Library(folder, cache_dir=args.cache_dir)
        if library.notice:
            print(f"midad: note: {library.notice}", file=sys.stderr)
        library.refresh(progress=_terminal_progress(), load=False)
    except OSError as exc:
        raise CommandError(f"cannot index {folder}: {exc.strerror or exc}") from exc
    return library


def _index_errors(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`handler` with an unusable index (full disk, read-only cache) reported in one line."""

    @functools.wraps(handler)
    def guarded(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except sqlite3.Error as exc:
            cause = str(exc) or type(exc).__name__
            raise CommandError(
                f"the library index cannot be used ({cause}); check the space and permissions of the cache folder"
            ) from exc

    return guarded


def _print_json(value: object) -> None:
    """`value` as JSON; a list is written one item per line (fast for ten thousand entries)."""
    if isinstance(value, list) and value:
        encode = json.JSONEncoder(ensure_ascii=False).encode
        items = (encode(item) for item in value)
        sys.stdout.write("[\n" + ",\n".join(items) + "\n]\n")
        return
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _common(parser: argparse.ArgumentParser, with_json: bool = True) -> None:
    parser.add_argument("dir", metavar="DIR", help="the library folder")
    if with_json:
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--cache-dir", metavar="PATH", help="where the index is kept (default: the user cache)"
    )


# --- handlers ----------------------------------------------------------------------------------


def _cmd_index(args: argparse.Namespace) -> int:
    library = _library(args)
    if args.json:  # each article's JSON was made when it was indexed: nothing to build here
        lines = library.articles_json()
        sys.stdout.write("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n")
        return 0
    entries = library.articles()
    for e in entries:
        tags = " ".join(f"#{t.replace(' ', '_')}" for t in e.tags)
        status = e.status or "-"
        line = f"{e.rel_path}\t{e.date or '-'}\t{status}\t{e.words}\t{e.title}"
        print(line + (f"\t{tags}" if tags else ""))
        if e.problem:
            print(f"\tproblem: {e.problem}")
    print(f"{len(entries)} articles", file=sys.stderr)
    return 0


def _cmd_tags(args: argparse.Namespace) -> int:
    summaries = _library(args).tags()
    if args.json:
        _print_json([s.to_json() for s in summaries])
        return 0
    for s in summaries:
        others = [v for v in s.variants if v != s.tag]
        print(f"{s.count}\t{s.tag}" + (f"\t({', '.join(others)})" if others else ""))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise CommandError("the search query is empty")
    if not 1 <= args.limit <= 100_000:
        raise CommandError("--limit must be between 1 and 100000")
    hits = _library(args).search(args.query, limit=args.limit)
    if args.json:
        _print_json([h.to_json() for h in hits])
        return 0
    for h in hits:
        print(f"{h.rel_path}\t{h.title}")
        if h.snippet:
            marked = []
            pos = 0
            for start, end in h.spans:
                marked.append(h.snippet[pos:start] + "[" + h.snippet[start:end] + "]")
                pos = end
            print("\t" + "".join(marked) + h.snippet[pos:])
    if not hits:
        print("no match", file=sys.stderr)
    return 0


def _print_op(report, as_json: bool) -> None:  # noqa: ANN001 - TagOpReport, imported lazily
    if as_json:
        _print_json(report.to_json())
        return
    verb = "would change" if report.dry_run else "changed"
    for change in report.changed:
        parts = [
            f"{old} → {new}" if new is not None else f"{old} removed" for old, new in change.front_matter
        ]
        if change.hashtags:
            parts.append(f"{change.hashtags} hashtag(s) in the text")
        print(f"{change.rel_path}: {'; '.join(parts)}")
    for rel, reason in report.skipped:
        print(f"{rel}: skipped: {reason}")
    print(f"{verb} {len(report.changed)} file(s), skipped {len(report.skipped)}")
    if report.op_id:
        print("undo with: midad tag undo DIR")


def _cmd_tag(args: argparse.Namespace) -> int:
    from editor.core.library import tag_ops

    library = _library(args)
    try:
        if args.tag_command == "rename":
            report = tag_ops.rename_tag(library, args.old, args.new, dry_run=args.dry_run)
        elif args.tag_command == "merge":
            if len(args.tags) < 2:
                raise CommandError("merge needs at least one source tag and a target tag")
            *sources, target = args.tags
            report = tag_ops.merge_tags(library, sources, target, dry_run=args.dry_run)
        elif args.tag_command == "remove":
            report = tag_ops.remove_tag(library, args.tag, dry_run=args.dry_run)
        else:
            undo = tag_ops.undo_last(library)
            if args.json:
                _print_json(undo.to_json())
            else:
                for rel in undo.restored:
                    print(f"{rel}: restored")
                for rel, reason in undo.refused:
                    print(f"{rel}: not restored: {reason}")
                print(f"undid {undo.kind}: restored {len(undo.restored)} file(s), left {len(undo.refused)}")
            return 0
    except tag_ops.TagOpError as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:  # e.g. the cache folder (undo data) cannot be written: nothing was changed
        raise CommandError(
            f"tag operation not done: {describe_os_error(exc)} ({exc.filename or ''})"
        ) from exc
    _print_op(report, args.json)
    return 0


# --- registration ------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `index`, `tags`, `search` and `tag` to the `midad` command."""
    p = subparsers.add_parser("index", help="list the articles of a library folder")
    _common(p)
    p.set_defaults(handler=_index_errors(_cmd_index))

    p = subparsers.add_parser("tags", help="list the tags of a library, most used first")
    _common(p)
    p.set_defaults(handler=_index_errors(_cmd_tags))

    p = subparsers.add_parser("search", help="full-text search of a library (Arabic-aware)")
    _common(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    p.set_defaults(handler=_index_errors(_cmd_search))

    p = subparsers.add_parser("tag", help="rename, merge or remove a tag across a library; undo")
    tag_sub = p.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    q = tag_sub.add_parser("rename", help="rename a tag (every spelling) in every article")
    _common(q)
    q.add_argument("old", metavar="OLD")
    q.add_argument("new", metavar="NEW")
    q.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    q = tag_sub.add_parser("merge", help="merge tags: SOURCE... become TARGET")
    _common(q)
    q.add_argument("tags", nargs="+", metavar="TAG", help="source tags, then the target tag")
    q.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    q = tag_sub.add_parser("remove", help="remove a tag from every article")
    _common(q)
    q.add_argument("tag", metavar="TAG")
    q.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    q = tag_sub.add_parser("undo", help="undo the last tag operation")
    _common(q)
    p.set_defaults(handler=_index_errors(_cmd_tag))
