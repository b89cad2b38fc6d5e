"""`midad import FILE [-o OUT.md] [--force]`: make a Midad article from web text, HTML or a Word file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.commands import CommandError
from editor.core.article.files import article_bytes
from editor.core.article.storage import ArticleIOError, atomic_write_bytes
from editor.core.convert.importer import ImportFailed, import_file


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def run_import(args: argparse.Namespace) -> int:
    """Handler of `midad import`: Markdown on stdout, or written atomically to -o."""
    source = Path(args.file)
    target = Path(args.output) if args.output and args.output != "-" else None
    if target is not None:
        if _same_file(source, target):
            raise CommandError(f"refusing to overwrite the file being imported: {target}")
        if target.is_dir():
            raise CommandError(f"{target} is a folder; give a file name to write to")
        if target.exists() and not args.force:
            raise CommandError(f"{target} already exists; choose another name or add --force")
    try:
        imported = import_file(source)
    except ImportFailed as exc:
        raise CommandError(str(exc)) from exc
    for note in imported.notes:
        print(f"midad: note: {note}", file=sys.stderr)
    data = article_bytes(imported.article)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        cause = (
            str(exc) if isinstance(exc, ArticleIOError) else f"cannot write {target}: {exc.strerror or exc}"
        )
        raise CommandError(cause) from exc
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `import` subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="make an article from text copied from a web page, an HTML file or a Word (.docx) file",
        description=(
            "Make a Midad article (front matter + Markdown) from another writer's copy. Plain text "
            "copied from a news site: the headline becomes the title, the site name or breadcrumb the "
            "source, a 'published/updated' line the date, the dateline the location, web hashtags the "
            "tags; comment forms, share buttons, 'read also', cookie and copyright lines are left out "
            "(docs/convert.md lists the rules in order). HTML and .docx keep headings, bold, italic, "
            "links, lists, quotes and tables. The source file is never modified."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the text, HTML or .docx file to import")
    parser.add_argument("-o", "--output", metavar="OUT.md", help="write the article to OUT.md (atomically)")
    parser.add_argument("--force", action="store_true", help="replace OUT.md if it already exists")
    parser.set_defaults(handler=run_import)
