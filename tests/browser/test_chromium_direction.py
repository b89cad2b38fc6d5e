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
title: اختبار الاتجاه
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
"""

PROBE = """<script>
const out = {paragraphs: [], items: [], cells: [], html: null, numbers: null};
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
const pre = document.createElement('pre'); pre.id = 'probe-result'; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


def _measure(page: Path, tmp_path: Path) -> dict:
    if CHROMIUM is None:
        pytest.fail("CI is set but Chromium is missing: apt-get install chromium")
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", html)
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
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
    numbers = _measure(page, tmp_path)["numbers"]
    assert numbers and numbers["zero"] > numbers["seven"]
