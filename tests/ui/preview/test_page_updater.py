"""The preview updated unit by unit shows exactly the document a full `setHtml` of the page gives."""

from __future__ import annotations

import pickle
import random
import time

import pytest

from editor.core.article.model import Article
from editor.core.markdown.page import preview_html
from editor.ui.preview.html_units import CutPage, cut_page, page_of, split_page
from editor.ui.preview.pane import PreviewPane

BLOCKS = [
    "# عنوان المقال\n\n[TOC]",
    "فقرة أولى فيها **غامق** و*مائل* و`رمز` ورابط [هنا](https://example.com) و #وسم.",
    "## قسم ثان {: #قسم }",
    "- بند\n- بند ثان\n    - بند داخلي\n    - آخر\n- ثالث",
    "3. ثالث\n4. رابع",
    "> اقتباس\n> سطر ثان\n>\n> ```\n> code in a quote\n> ```",
    "| أ | ب |\n|---|---|\n| 1 | 2 |\n| ٣ | ٤ |",
    "```python\nprint('x')\nline2\n```",
    "---",
    "سطر مع فاصل  \nبعده سطر.",
    "فقرة فيها حاشية[^1] وأخرى[^2].",
    "[^1]: الحاشية الأولى\n[^2]: الثانية **بغامق**",
    "<div>raw div</div>",
    "<div><hr><p>hr first in a div</p></div>",
    "<p></p>",
    "<details><summary>ملخص</summary><p>داخل</p></details>",
    "<section><p>قسم</p><p>ثان</p></section>",
    "English paragraph with numbers 2024 and 3.5%.",
    "مصطلح\n:   تعريفه",
    "*[HTML]: Hyper Text\n\nفقرة فيها HTML.",
    "![صورة](pic.png)",
    "<span>inline</span> بعده نص",
    "### عنوان ثالث",
    "- [رابط](#قسم)\n- بند",
    "<table><tr><td>خلية</td></tr></table>\n\nبعد الجدول",
    "<pre>pre without a last newline</pre>",
    "نص أخير.",
]
FRONT = "---\ntitle: مقال\ntags: [الرباط, العدالة]\n---\n"


def _page(blocks: list[str], folder) -> str:  # noqa: ANN001
    return preview_html(Article.from_text(FRONT + "\n\n".join(blocks) + "\n"), folder)


def _full(qtbot, styled: str, folder) -> PreviewPane:  # noqa: ANN001
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.base_dir = folder
    pane.setHtml(styled)
    return pane


def _blocks(pane: PreviewPane) -> list[tuple[str, object, bool, int]]:
    out = []
    block = pane.document().begin()
    while block.isValid():
        out.append(
            (block.text(), block.blockFormat().layoutDirection(), bool(block.textList()), block.length())
        )
        block = block.next()
    return out


def _same(qtbot, pane: PreviewPane, page: str, folder) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not pane.updating, timeout=10000)
    reference = _full(qtbot, pane.styled(page), folder)
    assert pane.toPlainText() == reference.toPlainText()
    assert _blocks(pane) == _blocks(reference)
    assert pane.toHtml() == reference.toHtml()


def _edit(rng: random.Random, blocks: list[str]) -> list[str]:
    blocks = list(blocks)
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(blocks))
        choice = rng.random()
        if choice < 0.3:
            blocks[k] += rng.choice([" كلمة", " word", "", " **غامق**", " #وسم_جديد", "[^1]"])
        elif choice < 0.45 and len(blocks) > 2:
            del blocks[k]
        elif choice < 0.65:
            blocks.insert(k, rng.choice(BLOCKS))
        elif choice < 0.8:
            j = rng.randrange(len(blocks))
            blocks[k], blocks[j] = blocks[j], blocks[k]
        elif choice < 0.9:
            blocks[k] = rng.choice(["# ", "- ", "> ", ""]) + blocks[k]
        else:
            blocks.insert(0 if rng.random() < 0.5 else len(blocks), rng.choice(BLOCKS))
    return blocks


def test_random_edits_give_the_document_a_full_sethtml_gives(qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(tmp_path / "pic.png"))
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.base_dir = tmp_path
    rng = random.Random(14)
    blocks = list(BLOCKS)
    for _round in range(40):
        blocks = _edit(rng, blocks)
        page = _page(blocks, tmp_path)
        # as the worker sends it (cut in units there, through a pickle), or a plain page
        pane.show_html(pickle.loads(pickle.dumps(cut_page(page))) if _round % 2 else page)
        _same(qtbot, pane, page, tmp_path)
    pane.set_look(dark=True, zoom=2)  # a new look: every unit again
    _same(qtbot, pane, page, tmp_path)
    # the image inserted with its unit is the article's, loaded through the pane (never the network)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    pane.show_html(_page(["![صورة](pic.png)", "نص"], tmp_path))
    shown = pane.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl("pic.png"))
    assert isinstance(shown, QImage) and shown.width() == 40


def test_edits_at_both_ends_and_everything_removed(qtbot, tmp_path):
    pane = PreviewPane()
    qtbot.addWidget(pane)
    for blocks in (
        ["أول", "ثان", "ثالث"],
        ["جديد في البداية", "أول", "ثان", "ثالث"],
        ["أول", "ثان", "ثالث", "جديد في النهاية"],
        ["```\ncode\n```", "أول"],
        ["---", "أول"],
        ["أول", "---"],
        ["| أ |\n|---|\n| 1 |"],
        ["وحده"],
        ["```\ncode alone, its last block empty"],
        ["- بند"],
        ["```\ncode at the end"],
        ["أول", "ثان"],
    ):
        page = _page(blocks, tmp_path)
        pane.show_html(page)
        _same(qtbot, pane, page, tmp_path)


def test_a_big_page_is_shown_in_slices_and_a_newer_page_wins(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    from editor.ui.preview.page_updater import PageUpdater

    monkeypatch.setattr(PageUpdater, "SLICE_MS", 5.0)
    monkeypatch.setattr(PageUpdater, "SYNC_CHARS", 2_000)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    blocks = [f"فقرة رقم {i} فيها بعض الكلمات للمعاينة." for i in range(1500)]
    blocks += [f"[^{i}]: حاشية {i}" for i in range(1500)] + ["مراجع[^1][^2]"]
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(1)
    pane.show_html(_page(blocks, tmp_path))
    assert pane.updating  # not all at once
    newer = ["جديدة"] + blocks[:800]
    qtbot.wait(20)
    pane.show_html(_page(newer, tmp_path))  # typed over while the first page was being shown
    with qtbot.waitSignal(pane.updated, timeout=20000):
        pass
    timer.stop()
    _same(qtbot, pane, _page(newer, tmp_path), tmp_path)
    assert len(gaps) > 5  # the event loop turned while the page was built


def test_units_are_cut_only_where_qt_starts_a_new_block():
    page = split_page(
        "<html><head></head><body dir='rtl'><p>a</p><pre><code>x\n</code></pre><p>b</p>"
        "<table><tr><td>c</td></tr></table><p>d</p><hr><p>e</p><span>f</span><p>g</p>"
        "<div><p>h</p></div><ul><li>i</li></ul><p></p><p>j</p><pre>k</pre><p>l</p></body></html>"
    )
    assert page is not None and page.head.endswith("<body dir='rtl'>") and page.tail == "</body></html>"
    assert page.units == (
        "<p>a</p>",
        "<pre><code>x\n</code></pre><p>b</p>",  # the empty block after a <pre>'s last newline
        "<table><tr><td>c</td></tr></table><p>d</p><hr><p>e</p><span>f</span><p>g</p>",  # frame, hr, inline
        "<div><p>h</p></div>",
        "<ul><li>i</li></ul>",
        "<p></p><p>j</p>",  # an empty paragraph is a block Qt may reuse
        "<pre>k</pre>",  # no last newline: ends with its text
        "<p>l</p>",
    )
    assert "".join(page.units) in page.html()


@pytest.mark.parametrize(
    "html",
    ["<p>no body</p>", "<html><body><p>a</div></body></html>", "<html><body><div><p>a</p></body></html>"],
)
def test_html_that_is_not_the_renderers_is_shown_whole(qtbot, html):
    assert split_page(html) is None
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_html(html)
    assert not pane.updating and "a" in pane.toPlainText() or "no body" in pane.toPlainText()


def test_a_page_qt_does_not_keep_apart_is_shown_whole(qtbot, monkeypatch):
    from editor.ui.preview import doc_patch

    pane = PreviewPane()
    qtbot.addWidget(pane)
    page = "<html><body>" + "".join(f"<p>فقرة {i}</p>" for i in range(30)) + "</body></html>"
    monkeypatch.setattr(doc_patch, "_MARK", "لا يوجد")  # the markers between units are never found
    pane.show_html(page)
    assert not pane.updating and "فقرة 29" in pane.toPlainText()
    reference = PreviewPane()
    qtbot.addWidget(reference)
    reference.setHtml(page)
    assert pane.toHtml() == reference.toHtml()


def test_formats_left_by_replaced_units_are_dropped_past_a_limit(qtbot, monkeypatch):
    from editor.ui.preview.page_updater import PageUpdater

    monkeypatch.setattr(PageUpdater, "MAX_FORMATS", 40)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    counts = []
    for i in range(200):  # a new heading id each time: one more format each time
        pane.show_html(f"<html><body><h2 id='h{i}'>عنوان {i}</h2><p>نص</p></body></html>")
        counts.append(len(pane.document().allFormats()))
    assert max(counts) < 40 + 64 and counts[-1] < counts[62] + 64
    reference = PreviewPane()
    qtbot.addWidget(reference)
    reference.setHtml("<html><body><h2 id='h199'>عنوان 199</h2><p>نص</p></body></html>")
    assert pane.toHtml() == reference.toHtml()


def test_a_page_ending_with_an_empty_block_shown_from_scratch(qtbot, tmp_path):
    for text in ("```\n```\n", "```\n```\n\n```\n```\n", "# عنوان\n\n```\ncode\n```\n"):
        pane = PreviewPane()
        qtbot.addWidget(pane)
        page = preview_html(Article.from_text(text), tmp_path)
        pane.show_html(page)  # a new pane: the whole page is inserted into an empty document
        _same(qtbot, pane, page, tmp_path)


def test_the_worker_cuts_the_page_and_the_window_uses_its_cuts(tmp_path, monkeypatch):
    from editor.ui.preview import html_units, pause_work

    page = pause_work.compute_preview_html(FRONT + "\n\n".join(BLOCKS) + "\n", str(tmp_path))
    page = pickle.loads(pickle.dumps(page))  # from the worker process
    assert isinstance(page, CutPage) and str(page) == _page(BLOCKS, tmp_path)
    assert page_of(page) == split_page(page)
    assert cut_page("<p>no body</p>").cuts == ()
    monkeypatch.setattr(html_units, "split_page", lambda _text: pytest.fail("scanned again"))
    assert page_of(page).html() == page
    assert page_of(CutPage("<p>no body</p>", ())) is None  # shown whole, as before


def test_each_page_starts_with_a_small_step_whatever_the_last_page_taught(qtbot, monkeypatch):
    # After 10,000-character parts of plain letters the step had grown to 200,000 characters: the first
    # step of a page of 50,000 headings then parsed 1,174 of them at once (0.4 s of the GUI thread).
    from editor.ui.preview import doc_patch
    from editor.ui.preview.page_updater import PageUpdater

    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show_html(preview_html(Article.from_text("كلمة " * 60_000)))
    qtbot.waitUntil(lambda: not pane.updating, timeout=20_000)
    pane._updater.patcher.batch_chars = PageUpdater.MAX_BATCH  # what a page of cheap parts teaches
    parsed: list[list[str]] = []
    real = doc_patch.DocPatcher._parse
    monkeypatch.setattr(
        doc_patch.DocPatcher,
        "_parse",
        lambda self, units, dummy: parsed.append(units) or real(self, units, dummy),
    )
    pane.show_html(preview_html(Article.from_text("".join(f"## عنوان {i}\n\n" for i in range(3000)))))
    first = parsed[0]
    assert len(first) <= doc_patch.MAX_BATCH_UNITS and sum(map(len, first)) <= PageUpdater.FIRST_BATCH
    qtbot.waitUntil(lambda: not pane.updating, timeout=20_000)
    assert all(len(batch) <= doc_patch.MAX_BATCH_UNITS for batch in parsed)


def _headings(count: int) -> str:
    return "".join(f"# عنوان {i}\n" for i in range(count))


def test_a_key_at_the_top_of_a_long_page_replaces_only_the_units_that_changed(qtbot, monkeypatch):
    # A heading typed into a paragraph at the top, and a unit more at the end (the page cut at 400,000
    # characters ends one heading later): the whole page between was replaced, in one go (2.6 s of the
    # GUI thread for 50,000 headings), because the changed characters were counted as those the two
    # pages do not share (two units) while the run replaced spanned every unit between.
    from editor.ui.preview import doc_patch

    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    text = _headings(3_000)
    pane.show_html(cut_page(preview_html(Article.from_text(text))))
    qtbot.waitUntil(lambda: not pane.updating, timeout=30_000)
    parsed: list[list[str]] = []
    real = doc_patch.DocPatcher._parse
    monkeypatch.setattr(
        doc_patch.DocPatcher,
        "_parse",
        lambda self, units, dummy: parsed.append(units) or real(self, units, dummy),
    )
    page = preview_html(Article.from_text("ب" + text + "# آخر\n"))
    pane.show_html(cut_page(page))
    assert not pane.updating  # two small runs: done at once
    assert sum(map(len, parsed)) <= 4, [len(batch) for batch in parsed]
    assert pane.toPlainText() == _full(qtbot, pane.styled(page), None).toPlainText()


def test_a_small_change_that_takes_long_goes_on_in_slices(qtbot, monkeypatch):
    # The characters of a change say little about its cost (anchors, tables, lists): a page meant to be
    # done at once is continued in slices past SYNC_MS, not done in one turn whatever it costs.
    from editor.ui.preview.page_updater import PageUpdater

    monkeypatch.setattr(PageUpdater, "SYNC_CHARS", 10_000_000)
    monkeypatch.setattr(PageUpdater, "SYNC_MS", 1.0)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    page = preview_html(Article.from_text(_headings(1_500)))
    pane.show_html(cut_page(page))
    assert pane.updating  # returned after its first steps
    qtbot.waitUntil(lambda: not pane.updating, timeout=30_000)
    _same(qtbot, pane, page, None)
