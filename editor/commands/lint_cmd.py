"""`midad lint FILE [--json] [--fix] [--rules R,…]`: the copy desk on the command line.

Findings are printed as `FILE:LINE:COLUMN: severity [rule] message → fix`, or as JSON. `--fix`
applies the safe automatic fixes (typography only, never words) in one atomic save and prints
what changed. Exit status 0 when nothing at error level remains.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from editor.commands import CommandError
from editor.core.article.storage import ArticleIOError, atomic_write_bytes, encode_text, read_text_file
from editor.core.copydesk.desk import ALL_RULES, SPELLING_RULES, check_text, fix_text, resolve_rules
from editor.core.copydesk.findings import ERROR, Finding
from editor.core.copydesk.spell import SpellChecker, checker_for
from editor.core.copydesk.style import find_library, load_style
from editor.resources import resource_path


@lru_cache(maxsize=1)
def _arabic_templates() -> dict[str, str]:
    try:
        root = ET.parse(resource_path("translations", "midad_ar.ts")).getroot()
    except (OSError, ET.ParseError):
        return {}
    out = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") is None:
            out[message.findtext("source") or ""] = translation.text
    return out


def arabic_message(finding: Finding) -> str:
    """The finding's message in Arabic (the UI's translation of its template), else English."""
    template = getattr(finding.message, "template", None)
    arabic = _arabic_templates().get(template or "")
    if not arabic:
        return str(finding.message)
    try:
        return arabic.format(**finding.message.params)
    except (KeyError, IndexError, ValueError):
        return str(finding.message)


def _visible(text: str) -> str:
    return "".join(
        f"<U+{ord(c):04X}>" if not c.isprintable() or c in "\u00a0\u200e\u200f" else c for c in text
    )


def _describe(path: Path, f: Finding) -> str:
    fix = f" → «{_visible(f.fixes[0])}»" if f.fixes else ""
    return f"{path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}{fix}"


def run_lint(args: argparse.Namespace) -> int:
    """Handler of `midad lint`."""
    path = Path(args.file)
    try:
        rules = resolve_rules(args.rules.split(",") if args.rules else None)
    except ValueError as exc:
        raise CommandError(f"unknown rule {exc}; rules: {', '.join(ALL_RULES)}") from exc
    if args.no_spelling:
        rules -= SPELLING_RULES
    try:
        decoded = read_text_file(path)
    except ArticleIOError as exc:
        raise CommandError(str(exc)) from exc
    library = find_library(path)
    style = load_style(library)
    checker = None
    if rules & SPELLING_RULES and SpellChecker.available():
        checker = checker_for(library)
    text = decoded.text
    report = sys.stderr if args.json else sys.stdout  # JSON on stdout stays parseable
    if args.fix:
        new_text, applied = fix_text(text, style, rules - SPELLING_RULES)
        if new_text != text:
            encoding = decoded.encoding if not decoded.is_legacy else "utf-8"  # as a save in the editor
            if decoded.is_legacy:
                print(f"midad: {decoded.notice}; the fixed file is written as UTF-8", file=sys.stderr)
            try:
                atomic_write_bytes(path, encode_text(new_text, encoding, decoded.bom))
            except OSError as exc:
                raise CommandError(str(exc)) from exc
            for f, before in applied:  # (positions in the text as it was at that fix's pass)
                print(
                    f"fixed {path}:{f.line}:{f.column} [{f.rule}] «{_visible(before)}» → «{_visible(f.fixes[0])}»",
                    file=report,
                )
            print(f"{path}: {len(applied)} fixes applied", file=report)
        else:
            print(f"{path}: nothing to fix automatically", file=report)
        text = new_text
    findings = check_text(text, style, rules, checker)
    if args.json:
        out = []
        for f in findings:
            item = f.as_json()
            item["message_ar"] = arabic_message(f)
            item["auto"] = f.auto
            out.append(item)
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for f in findings:
            print(_describe(path, f))
    return 1 if any(f.severity == ERROR for f in findings) else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "lint",
        help="check Arabic typography and spelling (the copy desk)",
        description="Check an article with the copy desk. Exit status 0 when no error-level finding remains.",
    )
    p.add_argument("file", help="the article file")
    p.add_argument("--json", action="store_true", help="print findings as JSON")
    p.add_argument("--fix", action="store_true", help="apply the safe automatic fixes (atomic save) first")
    p.add_argument("--rules", help="comma-separated rule ids or family numbers (default: all)")
    p.add_argument("--no-spelling", action="store_true", help="skip the spell check (no dictionary load)")
    p.set_defaults(handler=run_lint)
