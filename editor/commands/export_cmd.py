"""`midad export FILE --to html|fragment|text|pdf|docx [-o OUT]`: render an article (stdout by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.commands import CommandError
from editor.core.article.files import load_article
from editor.core.article.model import Article
from editor.core.article.storage import ArticleIOError, atomic_write_bytes

FORMATS = ("html", "fragment", "text", "pdf", "docx")
BINARY_FORMATS = ("pdf", "docx")


def binary_export(article: Article, base_dir: Path, fmt: str, paper: str = "a4", workers: int = 1) -> bytes:
    """The PDF (through Qt, loaded only here: docs/rooms.md) or Word file of `article`."""
    if fmt == "docx":
        from editor.core.convert.docx_out import article_docx_bytes

        return article_docx_bytes(article, base_dir, paper=paper, workers=workers)
    try:
        from editor.ui.export.pdf import pdf_bytes

        return pdf_bytes(article, base_dir, paper, workers=workers)
    except ImportError as exc:  # Qt's libraries are missing (PySide6 or a system library)
        raise CommandError(f"PDF export needs Qt, which cannot be loaded: {exc}") from exc


def render_export(path: Path, fmt: str, output_dir: Path | None = None, paper: str = "a4") -> str | bytes:
    """The export of the article at `path` in `fmt` (html, fragment, text: str; pdf, docx: bytes).

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
    # imported here: `editor.cli` loads this module, and Python-Markdown has no place on the GUI's start path
    from editor.core.markdown.chunked import default_workers
    from editor.core.markdown.page import export_fragment, export_html, export_text, rebase_local_images

    article = loaded.article
    base_dir = loaded.path.resolve().parent
    workers = default_workers()  # a big article renders in parts on every core (the same output)
    if fmt == "text":
        return export_text(article, workers=workers)
    if fmt in BINARY_FORMATS:
        return binary_export(article, base_dir, fmt, paper, workers)
    export = export_html if fmt == "html" else export_fragment
    page = export(article, base_dir, workers=workers)
    return rebase_local_images(page, base_dir, output_dir) if output_dir is not None else page


def run_export(args: argparse.Namespace) -> int:
    """Handler of `midad export`."""
    source = Path(args.file)
    to_file = bool(args.output) and args.output != "-"
    output_dir = Path(args.output).resolve().parent if to_file else None
    if args.to in BINARY_FORMATS and not to_file and sys.stdout.isatty():
        raise CommandError(f"--to {args.to} writes a binary file: add -o OUT.{args.to}")
    output = render_export(source, args.to, output_dir, args.paper)
    data = output.encode("utf-8") if isinstance(output, str) else output
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
            atomic_write_bytes(target, data)
        except OSError as exc:
            raise CommandError(
                str(exc)
                if isinstance(exc, ArticleIOError)
                else f"cannot write {target}: {exc.strerror or exc}"
            ) from exc
        return 0
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `export` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="render an article to HTML, an HTML fragment, plain text, PDF or Word (.docx)",
        description=(
            "Render an article. html: a standalone page (metadata header, embedded CSS, <html lang dir>); "
            "fragment: body HTML only, every paragraph with its dir, for pasting into a CMS; "
            "text: plain text without Markdown; pdf: A4 or Letter pages through Qt (Arabic shaped, metadata "
            "header, page numbers); docx: Word with right-to-left paragraphs, the Arabic font set for complex "
            "script, headings, lists, links, tables and the metadata as document properties."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the article (.md) to export")
    parser.add_argument("--to", choices=FORMATS, default="html", help="output format (default: html)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="page size for pdf and docx")
    parser.set_defaults(handler=run_export)
