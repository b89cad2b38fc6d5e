"""The `midad` command: `midad [FILE]` opens the GUI; subcommands work headless over the core."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from editor import __version__
from editor.commands import CommandError

# (the core's storage — dataclasses, JSON… — is imported where an error needs it: `midad FILE` reads
# the article after its window is mapped)

# Imported when a command line is parsed, never for `midad` / `midad FILE`: they load Markdown,
# BeautifulSoup, python-docx…, which have no place on the window's start path.
COMMAND_MODULE_NAMES = ("article_cmds", "export_cmd", "history_cmd", "import_cmd", "library_cmds", "lint_cmd")


# Commands whose module is known: `midad search …` imports only `library_cmds` (and not BeautifulSoup,
# python-docx… for the other commands), which keeps a search or an index listing fast. A command not
# named here still works: every command module is then imported.
COMMAND_HOMES = {
    "index": "library_cmds",
    "tags": "library_cmds",
    "search": "library_cmds",
    "tag": "library_cmds",
}


def command_modules() -> tuple:
    """The `editor.commands` modules, each with `register(subparsers)`."""
    return tuple(importlib.import_module(f"editor.commands.{name}") for name in COMMAND_MODULE_NAMES)


ARTICLE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `midad` parser with every command, or only the commands of module `only`."""
    parser = argparse.ArgumentParser(
        prog="midad",
        description="Midad: RTL Markdown article editor. Without a command, opens the editor "
        "(`midad FILE` opens FILE; a new .md name becomes a new article).",
    )
    parser.add_argument("--version", action="version", version=f"midad {__version__}")
    parser.add_argument(
        "--check",
        action="store_true",
        help="print what Midad finds here (Qt, display, Arabic fonts, folders, library index) and exit",
    )
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Midad to the application menu and to 'Open with' for Markdown files (this user)",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop added"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = (importlib.import_module(f"editor.commands.{only}"),) if only else command_modules()
    for module in modules:
        module.register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    """The subcommands, as registered by the command modules (never a hard-coded list)."""
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public accessor
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    return []


def _is_article_path(word: str) -> bool:
    """True when `word` names a file to open: an existing file, or a new article's name."""
    path = Path(word).expanduser()
    return path.is_file() or (not path.is_dir() and path.suffix.lower() in ARTICLE_SUFFIXES)


def _is_new_article_name(word: str) -> bool:
    """An article name no command can have (`x.md`): opened without looking at the commands."""
    return (
        not word.startswith("-") and Path(word).suffix.lower() in ARTICLE_SUFFIXES and not Path(word).is_dir()
    )


def _not_a_command(word: str, commands: list[str]) -> int:
    """One line on stderr for a word that is neither a command nor an article; exit status 2."""
    if Path(word).expanduser().is_dir():
        print(
            f"midad: {word} is a folder, not an article (open a .md file, or see `midad --help`)",
            file=sys.stderr,
        )
        return 2
    import difflib  # only for a mistyped command

    close = difflib.get_close_matches(word, commands, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    print(
        f"midad: unknown command '{word}'.{hint} Commands: {', '.join(commands)}. "
        "To create a new article, give a name ending in .md; `midad --help` says more.",
        file=sys.stderr,
    )
    return 2


def _top_level_option(args: argparse.Namespace) -> int | None:
    if args.check:
        from editor.startup.check import run_check

        return run_check()
    if args.install_desktop:
        from editor.startup.desktop import install_desktop

        return install_desktop()
    if args.uninstall_desktop:
        from editor.startup.desktop import uninstall_desktop

        return uninstall_desktop()
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `midad` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or _is_new_article_name(args_list[0]):
        # the GUI path builds no parser: the command modules (and Python-Markdown) stay unloaded
        from editor.app import run_gui

        return run_gui(args_list[:1])
    parser = build_parser(COMMAND_HOMES.get(args_list[0]))
    commands = _command_names(parser)
    first = args_list[0] if args_list else None
    if first is not None and not first.startswith("-") and first not in commands:
        if not _is_article_path(first):
            return _not_a_command(first, commands)
    if first is None or (not first.startswith("-") and first not in commands):
        from editor.app import run_gui  # the GUI is imported only when it is wanted

        return run_gui(args_list[:1])
    args = parser.parse_args(args_list)
    try:
        if args.command is None:
            done = _top_level_option(args)
            if done is not None:
                return done
            from editor.app import run_gui

            return run_gui([])
        status = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full or closed output fails here, inside the handling below
        return status
    except CommandError as exc:
        print(f"midad: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        _discard_stdout()
        return 0
    except (RecursionError, MemoryError) as exc:  # a structure no limit foresaw: one line, no traceback
        print(
            f"midad: {args.command}: the article is too deeply nested or too large ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:  # e.g. `> /dev/full`: one line, never a traceback
        from editor.core.article.storage import describe_os_error

        _discard_stdout()
        where = exc.filename or "the standard output"
        print(f"midad: cannot write {where}: {describe_os_error(exc)}", file=sys.stderr)
        return 1


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit does not fail (and print) again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
