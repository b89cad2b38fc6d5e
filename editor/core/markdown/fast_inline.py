"""Python-Markdown's inline pass without the attempts that cannot match (same output, less work).

Python-Markdown tries each of its ~16 inline patterns on every text of the tree, one Python call
per pattern and text, even when the text holds none of the characters the pattern starts with: an
Arabic paragraph without `*`, `[`, `<`, `` ` ``, `&`, `\\`, `#` makes 16 calls that find nothing,
and those calls are most of the inline pass. `SkippingInlineProcessor` asks a pattern only when the
text holds a character that every match of that pattern contains. A pattern that is skipped is
exactly a pattern that found no match (Python-Markdown then moves to the next pattern, from the
start of the text), so the result is unchanged.

The required character is known only for patterns whose regular expression is one this module
knows, checked at set-up against the pattern's own regex: a pattern Midad does not know (a new
extension, a changed upstream regex) is always asked, as before.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown, inlinepatterns, util
from markdown.treeprocessors import InlineProcessor as MarkdownInlineProcessor

# Regex source → characters of which every match holds at least one.
_KNOWN: dict[str, str] = {
    inlinepatterns.BACKTICK_RE: "`",
    inlinepatterns.ESCAPE_RE: "\\",
    inlinepatterns.LINK_RE: "[",
    inlinepatterns.IMAGE_LINK_RE: "[",
    inlinepatterns.AUTOLINK_RE: "<",
    inlinepatterns.AUTOMAIL_RE: "<",
    inlinepatterns.HTML_RE: "<",
    inlinepatterns.ENTITY_RE: "&",
    inlinepatterns.LINE_BREAK_RE: "\n",
    r"\[\^([^\]]*)\]": "[",  # footnotes' reference
}


def register_required_chars(pattern_source: str, chars: str) -> None:
    """Declare that every match of the regex `pattern_source` holds one of `chars` (Midad's own)."""
    _KNOWN[pattern_source] = chars


def required_chars(pattern: inlinepatterns.Pattern) -> str | None:
    """Characters of which every match of `pattern` holds one, or None when not known."""
    if isinstance(pattern, inlinepatterns.DelimiterProcessor):
        tokens = getattr(pattern, "tokens", None)
        if tokens and all(isinstance(t, str) and t for t in tokens):
            return "".join(sorted({t[0] for t in tokens}))
        return None
    compiled = pattern.getCompiledRegExp()
    return _KNOWN.get(compiled.pattern) if compiled is not None else None


class SkippingInlineProcessor(MarkdownInlineProcessor):
    """Python-Markdown's inline treeprocessor that skips patterns that cannot match a text."""

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        patterns = list(self.inlinePatterns)  # the registry sorts on every index otherwise
        self._patterns = patterns
        self._needs = [required_chars(p) for p in patterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802,N803
        """Python-Markdown's `__handleInline`, asking only the patterns that can match `data`."""
        if isinstance(data, util.AtomicString):
            return data
        patterns = self._patterns
        needs = self._needs
        apply = self._InlineProcessor__applyPattern
        start = 0
        count = len(patterns)
        while patternIndex < count:
            need = needs[patternIndex]
            if need is not None and not any(ch in data for ch in need):
                patternIndex += 1  # no match possible: as after a search that found nothing
                start = 0
                continue
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def use_skipping_inline(md: Markdown) -> None:
    """Replace `md`'s inline treeprocessor by `SkippingInlineProcessor` (same place, same patterns)."""
    index = md.treeprocessors.get_index_for_name("inline")
    priority = md.treeprocessors._priority[index].priority
    md.treeprocessors.register(SkippingInlineProcessor(md), "inline", priority)
