"""Join PDF files written by Qt's `QPdfWriter` into one, page after page (pure Python, linear time).

The PDF export lays a big article out in several processes, each writing the pages of its part
(`editor/ui/export/pdf_parallel.py`); this puts them together. It reads what Qt writes: a classic
cross-reference table, one `/Pages` node under the catalog, every object found through the table.
Each file's objects are copied as they are, renumbered after the previous files' (references in
dictionaries and arrays are rewritten; strings and stream data are copied untouched); the later
files' catalog, page tree root, document information and metadata are left out (their numbers hold
`null`), and the first file's page tree root lists every page. The document information (title,
author), metadata and file identifier are the first file's. Anything unexpected raises `ValueError`
(the caller then makes the PDF in one process).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STARTXREF_RE = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION_RE = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")
_ENTRY_RE = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_TRAILER_RE = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_REF_IN_RE = {key: re.compile(rb"/" + key + rb"\s+(\d+) 0 R") for key in (b"Root", b"Info", b"Pages")}
_SIZE_RE = re.compile(rb"/Size\s+(\d+)")
_ID_RE = re.compile(rb"/ID\s*(\[[^\]]*\])")
_HEAD_RE = re.compile(rb"(\d+) 0 obj\b")
# in an object's dictionary part: a literal string (kept), a reference (renumbered), or the start
# of the stream (everything after it is copied as it is)
_TOKEN_RE = re.compile(rb"\((?:[^()\\]|\\.)*\)|(\d+) 0 R\b|(stream\r?\n)", re.S)
_KIDS_RE = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_COUNT_RE = re.compile(rb"/Count\s+(\d+)")
_CATALOG_REFS_RE = re.compile(rb"/(?:Pages|Names|Metadata|Outlines|Dests)\s+(\d+) 0 R")


@dataclass
class _Pdf:
    data: bytes
    spans: dict[int, tuple[int, int]]  # object number → (start, end) of "N 0 obj … endobj"
    size: int
    root: int
    info: int | None
    pages: int
    trailer: bytes


def _read(data: bytes) -> _Pdf:
    end = _STARTXREF_RE.search(data[-64:])
    if end is None:
        raise ValueError("no startxref at the end")
    xref = int(end.group(1))
    if not data.startswith(b"xref", xref):
        raise ValueError("no classic cross-reference table")
    trailer = _TRAILER_RE.search(data, xref)
    if trailer is None:
        raise ValueError("no trailer")
    offsets: dict[int, int] = {}
    position = xref + 4
    while True:
        while data[position : position + 1] in (b"\r", b"\n", b" "):
            position += 1
        sub = _SUBSECTION_RE.match(data, position)
        if sub is None:
            break
        first, count = int(sub.group(1)), int(sub.group(2))
        position = sub.end()
        for number in range(first, first + count):
            entry = _ENTRY_RE.match(data, position)
            if entry is None:
                raise ValueError("bad cross-reference entry")
            if entry.group(3) == b"n":
                offsets[number] = int(entry.group(1))
            position = entry.end()
            while data[position : position + 1] in (b" ", b"\r", b"\n"):
                position += 1
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    spans = {}
    for (number, start), (_, stop) in zip(ordered, [*ordered[1:], (None, xref)], strict=True):
        head = _HEAD_RE.match(data, start)
        if head is None or int(head.group(1)) != number:
            raise ValueError(f"object {number} is not where the table says")
        spans[number] = (start, stop)
    text = trailer.group(1)
    refs = {key: pattern.search(text) for key, pattern in _REF_IN_RE.items() if key != b"Pages"}
    size = _SIZE_RE.search(text)
    if refs[b"Root"] is None or size is None:
        raise ValueError("no /Root or /Size in the trailer")
    root = int(refs[b"Root"].group(1))
    pages = _REF_IN_RE[b"Pages"].search(_object(data, spans, root))
    if pages is None:
        raise ValueError("no /Pages in the catalog")
    info = int(refs[b"Info"].group(1)) if refs[b"Info"] else None
    return _Pdf(data, spans, int(size.group(1)), root, info, int(pages.group(1)), text)


def _object(data: bytes, spans: dict[int, tuple[int, int]], number: int) -> bytes:
    if number not in spans:
        raise ValueError(f"object {number} is missing")
    start, stop = spans[number]
    return data[start:stop]


def _renumber(body: bytes, number_map: dict[int, int], base: int) -> bytes:
    """`body` (one object without its `N 0 obj` head) with its references renumbered."""
    out = []
    last = 0
    for match in _TOKEN_RE.finditer(body):
        if match.group(2) is not None:  # the stream: copied as it is from here
            break
        ref = match.group(1)
        if ref is None:
            continue
        old = int(ref)
        out.append(body[last : match.start(1)])
        out.append(b"%d" % number_map.get(old, old + base))
        last = match.end(1)
    out.append(body[last:])
    return b"".join(out)


def join_pdfs(files: list[bytes]) -> bytes:
    """One PDF holding the pages of `files` (each written by `QPdfWriter`) in order."""
    if len(files) == 1:
        return files[0]
    pdfs = [_read(data) for data in files]
    first = pdfs[0]
    bases = []
    base = 0
    for pdf in pdfs:
        bases.append(base)
        base += pdf.size - 1
    size = base + 1
    kids: list[bytes] = []
    count = 0
    for pdf, offset in zip(pdfs, bases, strict=True):
        tree = _object(pdf.data, pdf.spans, pdf.pages)
        found = _KIDS_RE.search(tree)
        counted = _COUNT_RE.search(tree)
        if found is None or counted is None:
            raise ValueError("a page tree without /Kids or /Count")
        kids += [b"%d 0 R" % (int(n) + offset) for n in re.findall(rb"(\d+) 0 R", found.group(1))]
        count += int(counted.group(1))
    out = [first.data[: min(start for start, _ in first.spans.values())]]
    offsets: dict[int, int] = {}
    written = len(out[0])
    for index, (pdf, offset) in enumerate(zip(pdfs, bases, strict=True)):
        number_map = {pdf.pages: first.pages}  # every page's /Parent: the one page tree root
        dropped: set[int] = set()
        if index:
            catalog = _object(pdf.data, pdf.spans, pdf.root)
            dropped = {pdf.root, *(int(n) for n in _CATALOG_REFS_RE.findall(catalog))}
            if pdf.info is not None:
                dropped.add(pdf.info)
        for number, (start, stop) in sorted(pdf.spans.items(), key=lambda item: item[1][0]):
            new = number + offset
            if number in dropped or (index and number == pdf.pages):
                piece = b"%d 0 obj\nnull\nendobj\n" % new
            elif index == 0 and number == pdf.pages:
                piece = b"%d 0 obj\n<<\n/Type /Pages\n/Kids [\n%s\n]\n/Count %d\n>>\nendobj\n" % (
                    new,
                    b"\n".join(kids),
                    count,
                )
            else:
                head = _HEAD_RE.match(pdf.data, start)
                body = _renumber(pdf.data[head.end() : stop], number_map, offset)
                piece = b"%d 0 obj" % new + body
            offsets[new] = written
            out.append(piece)
            written += len(piece)
    lines = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
    for number in range(1, size):
        if number in offsets:
            lines.append(b"%010d 00000 n \n" % offsets[number])
        else:
            lines.append(b"0000000000 00000 f \n")
    identifier = _ID_RE.search(first.trailer)
    trailer = b"trailer\n<<\n/Size %d\n/Root %d 0 R\n" % (size, first.root)
    if first.info is not None:
        trailer += b"/Info %d 0 R\n" % first.info
    if identifier is not None:
        trailer += b"/ID " + identifier.group(1) + b"\n"
    trailer += b">>\nstartxref\n%d\n%%%%EOF\n" % written
    return b"".join(out) + b"".join(lines) + trailer
