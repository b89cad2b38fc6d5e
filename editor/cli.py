"""The `midad` command: `midad [FILE]` opens the GUI; subcommands work headless over the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from editor import __version__
from editor.commands import CommandError, article_cmds, export_cmd, library_cmds

COMMAND_MODULES = (article_cmds, export_cmd, library_cmds)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="midad",
        description="Midad: RTL Markdown article editor. Without a command, opens the editor.",
    )
    parser.add_argument("--version", action="version", version=f"midad {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public accessor
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `midad` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    first = args_list[0] if args_list else None
    if first is None or (not first.startswith("-") and first not in _command_names(parser)):
        from editor.app import run_gui  # the GUI is imported only when it is wanted

        return run_gui(args_list[:1])
    args = parser.parse_args(args_list)
    try:
        return int(args.handler(args) or 0)
    except CommandError as exc:
        print(f"midad: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
