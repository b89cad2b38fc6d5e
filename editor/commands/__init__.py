"""Subcommands of the `midad` command line, one module per family; each exposes `register(subparsers)`."""


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit status 1, nothing written."""
