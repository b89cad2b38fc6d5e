"""`midad history FILE`: list, print or restore the earlier versions of an article (local history)."""

from __future__ import annotations

import argparse
import json
import sys
import time

from editor.commands import CommandError


def cmd_history(args: argparse.Namespace) -> int:
    from editor.core.article.model import Article
    from editor.core.article.storage import (
        ArticleIOError,
        atomic_write_bytes,
        content_digest,
        decode_bytes,
        read_file_bytes,
    )
    from editor.core.recovery.history import HistoryStore
    from editor.core.text.arabic import count_words

    store = HistoryStore()
    try:
        if args.show is not None or args.restore is not None:
            number = args.show if args.show is not None else args.restore
            try:
                data = store.data(args.file, number)
            except KeyError:
                raise CommandError(
                    f"{args.file} has no version {number} (see `midad history {args.file}`)"
                ) from None
            if args.show is not None:
                sys.stdout.write(decode_bytes(data, args.file).text)
                return 0
            current = read_file_bytes(args.file)
            words = count_words(Article.from_text(decode_bytes(current, args.file).text).body)
            store.add(args.file, current, words)  # the current text becomes a version first
            atomic_write_bytes(args.file, data, expected=content_digest(current))
            print(f"{args.file}: restored version {number} (the text it replaced is now version 1)")
            return 0
        versions = store.versions(args.file)
    except (ArticleIOError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        items = [
            {"number": v.number, "time": v.time, "size": v.size, "words": v.words, "hash": v.digest}
            for v in versions
        ]
        print(json.dumps(items, ensure_ascii=False, indent=1))
        return 0
    if not versions:
        print(f"{args.file}: no earlier versions")
    for v in versions:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(v.time))
        print(f"{v.number:>3}  {when}  {v.size:>9} bytes  {v.words:>6} words")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `history`."""
    history = subparsers.add_parser("history", help="list, print or restore earlier versions of an article")
    history.add_argument("file")
    history.add_argument("--json", action="store_true", help="print JSON")
    group = history.add_mutually_exclusive_group()
    group.add_argument("--show", type=int, metavar="N", help="print version N (1 = the newest)")
    group.add_argument("--restore", type=int, metavar="N", help="write version N back (atomically)")
    history.set_defaults(handler=cmd_history)
