"""`midad export FILE --to html|fragment|text [-o OUT]`: render an article (stdout by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.commands import CommandError
from editor.core.article.files import load_article
from editor.core.article.storage import ArticleIOError, atomic_write_bytes
from editor.core.markdown.page import export_fragment, export_html, export_text, rebase_local_images

FORMATS = ("html", "fragment", "text")


def render_export(path: Path, fmt: str, output_dir: Path | None = None) -> str:
    """The export of the article at `path` in `fmt` (html, fragment or text).

    With `output_dir` (where the export will be written), local images are made relative to it.
    """
    try:
        loaded = load_article(path)
    except FileNotFoundError as exc:
        raise CommandError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise CommandError(f"{path} is a folder, not an article file") from exc
    except ArticleIOError as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from exc
    article = loaded.article
    base_dir = loaded.path.resolve().parent
    if fmt == "text":
        return export_text(article)
    page = export_html(article, base_dir) if fmt == "html" else export_fragment(article, base_dir)
    return rebase_local_images(page, base_dir, output_dir) if output_dir is not None else page


def run_export(args: argparse.Namespace) -> int:
    """Handler of `midad export`."""
    source = Path(args.file)
    to_file = bool(args.output) and args.output != "-"
    output_dir = Path(args.output).resolve().parent if to_file else None
    output = render_export(source, args.to, output_dir)
    if to_file:
        target = Path(args.output)
        try:
            if target.resolve() == source.resolve():
                raise CommandError(f"refusing to overwrite the article itself: {target}")
        except OSError:
            pass
        if target.is_dir():
            raise CommandError(f"{target} is a folder; give a file name to write to")
        try:
            atomic_write_bytes(target, output.encode("utf-8"))
        except OSError as exc:
            raise CommandError(
                str(exc)
                if isinstance(exc, ArticleIOError)
                else f"cannot write {target}: {exc.strerror or exc}"
            ) from exc
        return 0
    sys.stdout.write(output)
    sys.stdout.flush()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `export` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="render an article to HTML, an HTML fragment or plain text",
        description=(
            "Render an article. html: a standalone page (metadata header, embedded CSS, <html lang dir>); "
            "fragment: body HTML only, every paragraph with its dir, for pasting into a CMS; "
            "text: plain text without Markdown."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the article (.md) to export")
    parser.add_argument("--to", choices=FORMATS, default="html", help="output format (default: html)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    parser.set_defaults(handler=run_export)
