"""`midad index|tags|search|tag`: library commands (library issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the library subcommands (filled in by the library work)."""
