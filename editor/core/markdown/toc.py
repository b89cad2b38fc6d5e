"""Table of contents for Midad's renderer: Unicode heading ids, a flat heading list, `[TOC]`.

Replaces Python-Markdown's `toc` extension, which costs a pass over every element for the
`[TOC]` marker and serialises a table-of-contents tree on every render (a third of Midad's
budget over plain Python-Markdown on a 10k-word article). Ids are the same as `toc` with a
Unicode slugify would give: `الأمن الوطني` → `الأمن-الوطني`, repeats get `_1`, `_2`…; ids set
with `{#id}` (attr_list) are kept.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions.toc import run_postprocessors, unescape, unique
from markdown.treeprocessors import Treeprocessor

from editor.core.markdown.hashtags import TAG_CHARS
from editor.core.markdown.raw_html import html_text

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TOC_MARKER = "[TOC]"
_STASH_RE = re.compile("\x02[^\x03]*\x03")


@dataclass(frozen=True)
class TocEntry:
    """One heading of the table of contents."""

    level: int
    id: str
    title: str


def slugify(value: str, separator: str = "-") -> str:
    """Heading id that keeps Arabic (and every other script): `الأمن الوطني` → `الأمن-الوطني`."""
    value = html.unescape(re.sub(r"<[^<>]*>", "", value))
    value = re.sub(rf"[^{TAG_CHARS}\s]", "", value).strip().lower()
    value = re.sub(rf"[{re.escape(separator)}\s]+", separator, value).strip(separator)
    return value or "section"


def _heading_text(el: etree.Element) -> str:
    return " ".join(_STASH_RE.sub("", "".join(el.itertext())).split())


def _toc_list(entries: list[TocEntry]) -> etree.Element:
    """Nested `<ul>` of links for a `[TOC]` marker."""
    root = etree.Element("ul")
    stack: list[tuple[int, etree.Element]] = [(0, root)]
    for entry in entries:
        while len(stack) > 1 and stack[-1][0] >= entry.level:
            stack.pop()
        parent = stack[-1][1]
        if parent.tag == "li":
            parent = parent.find("ul") if parent.find("ul") is not None else etree.SubElement(parent, "ul")
        li = etree.SubElement(parent, "li")
        link = etree.SubElement(li, "a", {"href": f"#{entry.id}"})
        link.text = entry.title
        stack.append((entry.level, li))
    return root


class TocTreeprocessor(Treeprocessor):
    """Give every heading an id and collect the headings into `self.entries`."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.entries: list[TocEntry] = []
        # per heading: (its `{#id}` or None, its slug), for `chunked` to redo the ids article-wide
        self.keys: list[tuple[str | None, str]] = []

    def run(self, root: etree.Element) -> None:
        self.entries = []
        self.keys = []
        headings = [el for el in root.iter() if el.tag in HEADINGS]
        used = {el.get("id") for el in headings if el.get("id")}
        used.discard(None)
        ids: set[str] = set()
        taken = set(used)  # ids | used, kept up to date (a new union per heading was quadratic)
        counters: dict[str, int] = {}
        for el in headings:
            title = _heading_text(el)
            label = el.attrib.pop("data-toc-label", None)  # the title in the table of contents
            explicit = el.get("id")
            if explicit and explicit not in ids:
                ids.add(explicit)
                taken.add(explicit)
                el_id = explicit
                self.keys.append((explicit, slugify(title)))  # `{#id}` headings are rare
            else:
                slug = slugify(title)
                self.keys.append((explicit or None, slug))
                el_id = unique(slug, taken, counters)
                ids.add(el_id)
                taken.add(el_id)
                el.set("id", el_id)
            if label is not None:  # as Python-Markdown's toc: raw HTML put back, then tags stripped
                title = " ".join(html_text(run_postprocessors(unescape(label), self.md)).split())
            self.entries.append(TocEntry(int(el.tag[1]), el_id, title))
        for index, el in enumerate(list(root)):
            if el.tag == "p" and len(el) == 0 and (el.text or "").strip() == TOC_MARKER:
                div = etree.Element("div", {"class": "toc"})
                div.append(_toc_list(self.entries))
                root.remove(el)
                root.insert(index, div)
