"""`midad export`: render an article to HTML, an HTML fragment or plain text (renderer issue)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `export` subcommand (filled in by the renderer work)."""
