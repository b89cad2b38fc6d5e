"""The exported page in real headless Chromium: computed direction per paragraph, number runs in order.

The page is exported by `midad export`; the test then swaps the page's Content-Security-Policy
(which forbids scripts) for a probe script that writes its measurements into the DOM, and reads
them back with `--dump-dom`. Needs Debian's `chromium` package (required when CI is set).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.cli import main

pytestmark = pytest.mark.browser

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("headless Chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARTICLE = """---
title: القانون رقم 01-99 يدخل حيز التنفيذ
tags: [Interpol, أمن]
lang: ar
---
استقبل المدير العام أمس وفداً أمنياً رفيع المستوى في الرباط.

The minister said the talks went well «نعم».

Apple تعلن عن هاتف جديد في السوق.

تفعيلا للفقرة 2 من القانون رقم “03-73” للأمن الوطني.

- بند عربي أول
- English list item

| الاسم | Name |
|---|---|
| علي | Ali |

نص عربي بالاتجاه المعاكس {dir=ltr}

قال **الوزير** 04-81 نافذ

قال #وسم 05-92 نافذ

قال [الوزير](u) 06-17 نافذ

**قال الوزير**: 07-28

قال `x` إن القانون 08-39
"""
# number runs right after an inline element (issue 12 item 1) and in the header's title (item 2)
INLINE_RUNS = ["04-81", "05-92", "06-17", "07-28", "08-39"]
HEADER_RUNS = ["01-99"]

PROBE = """<script>
const out = {paragraphs: [], items: [], cells: [], html: null, numbers: null, tag: null};
const pick = (sel, key) => document.querySelectorAll(sel).forEach(el => out[key].push(
  {text: el.textContent.trim(), direction: getComputedStyle(el).direction, align: getComputedStyle(el).textAlign,
   left: el.getBoundingClientRect().left}));
pick('.article-body p', 'paragraphs');
pick('.article-body li', 'items');
pick('.article-body th', 'cells');
out.html = getComputedStyle(document.documentElement).direction;
// x positions of the first digit of each group of "03-73": in reading order the 0 is left of the 7
const p = [...document.querySelectorAll('.article-body p')].find(el => el.textContent.includes('03-73'));
const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
let node; while ((node = walker.nextNode())) {
  const i = node.data.indexOf('03-73');
  if (i >= 0) {
    const r0 = document.createRange(); r0.setStart(node, i); r0.setEnd(node, i + 1);
    const r7 = document.createRange(); r7.setStart(node, i + 3); r7.setEnd(node, i + 4);
    out.numbers = {zero: r0.getBoundingClientRect().left, seven: r7.getBoundingClientRect().left};
  }
}
// every run of RUNS: x of its first digit and of the first digit after the hyphen, and where it is
out.runs = {};
const all = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const left = (n, a) => { const r = document.createRange(); r.setStart(n, a); r.setEnd(n, a + 1);
  return r.getBoundingClientRect().left; };
while ((node = all.nextNode())) {
  for (const run of RUNS) {
    const i = node.data.indexOf(run);
    if (i >= 0 && !(run in out.runs)) {
      out.runs[run] = {first: left(node, i), second: left(node, i + run.indexOf('-') + 1),
                       where: node.parentElement.closest('h1, p, li').tagName};
    }
  }
  const h = node.data.indexOf('#Interpol');
  if (h >= 0 && node.parentElement.closest('header')) {
    out.tag = {hash: left(node, h), letter: left(node, h + 1)};
  }
}
const pre = document.createElement('pre'); pre.id = 'probe-result'; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


def _measure(page: Path, tmp_path: Path) -> dict:
    if CHROMIUM is None:
        pytest.fail("CI is set but Chromium is missing: apt-get install chromium")
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", html)
    probe = tmp_path / "probe.html"
    script = PROBE.replace("RUNS", json.dumps(INLINE_RUNS + HEADER_RUNS))
    probe.write_text(html.replace("</body>", script + "\n</body>"), encoding="utf-8")
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1000,2000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    match = re.search(r'<pre id="probe-result">(.*?)</pre>', result.stdout, re.DOTALL)
    assert match, f"no probe output; stderr: {result.stderr[-2000:]}"
    return json.loads(match.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict:
    tmp_path = tmp_path_factory.mktemp("browser")
    source = tmp_path / "article.md"
    source.write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "article.html"
    assert main(["export", str(source), "--to", "html", "-o", str(page)]) == 0
    return _measure(page, tmp_path)


def test_page_is_rtl(measured: dict) -> None:
    assert measured["html"] == "rtl"


def test_arabic_paragraphs_are_rtl_and_english_ones_ltr(measured: dict) -> None:
    directions = {p["text"][:12]: p["direction"] for p in measured["paragraphs"]}
    assert directions["استقبل المدي"] == "rtl"
    assert directions["The minister"] == "ltr"
    assert directions["Apple تعلن ع"] == "rtl"
    assert directions["تفعيلا للفقر"] == "rtl"
    assert directions["نص عربي بالا"] == "ltr"  # the {dir=ltr} override, and its text is gone
    assert not any("{dir" in p["text"] for p in measured["paragraphs"])


def test_list_items_and_table_mirror(measured: dict) -> None:
    assert [i["direction"] for i in measured["items"]] == ["rtl", "ltr"]
    first, second = measured["cells"]
    assert first["text"] == "الاسم" and first["left"] > second["left"]  # first column on the right


def test_number_run_reads_in_logical_order(measured: dict) -> None:
    numbers = measured["numbers"]
    assert numbers and numbers["zero"] < numbers["seven"]


def test_without_the_mark_chromium_shows_the_run_reversed(tmp_path: Path) -> None:
    """The trap is real: the same page with its LEFT-TO-RIGHT MARKs removed shows `73-03`."""
    source = tmp_path / "article.md"
    source.write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "article.html"
    assert main(["export", str(source), "-o", str(page)]) == 0
    page.write_text(page.read_text(encoding="utf-8").replace("\u200e", ""), encoding="utf-8")
    measured = _measure(page, tmp_path)
    numbers = measured["numbers"]
    assert numbers and numbers["zero"] > numbers["seven"]
    for run in INLINE_RUNS + HEADER_RUNS:  # each measured place really is at risk without its mark
        assert measured["runs"][run]["first"] > measured["runs"][run]["second"], run


def test_number_runs_after_inline_elements_read_in_order(measured: dict) -> None:
    for run in INLINE_RUNS:
        where = measured["runs"][run]
        assert where["where"] == "P" and where["first"] < where["second"], run


def test_header_title_number_run_and_latin_tag_read_in_order(measured: dict) -> None:
    title = measured["runs"]["01-99"]
    assert title["where"] == "H1" and title["first"] < title["second"]
    assert measured["tag"] and measured["tag"]["hash"] < measured["tag"]["letter"]  # `#Interpol`
