"""The preview pane keeps the look of the exported page."""

from __future__ import annotations

import pytest


@pytest.fixture
def renderer():
    """A preview renderer on a thread worker (so the tests' stand-ins are used; processes are
    stopped the same way), shut down after the test."""
    from editor.ui.preview import pause_work
    from editor.ui.preview.pane import PreviewRenderer

    pause_work.use_thread_worker()
    renderer = PreviewRenderer()
    yield renderer
    renderer.shutdown()
    pause_work.abandon_worker()


def test_preview_stays_a_light_page_under_a_dark_theme(qtbot):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from editor.ui.preview.pane import PreviewPane

    app = QApplication.instance()
    old = app.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    app.setPalette(dark)
    try:
        pane = PreviewPane()
        qtbot.addWidget(pane)
        assert pane.palette().color(QPalette.ColorRole.Base) == QColor("#ffffff")
        assert pane.palette().color(QPalette.ColorRole.Text).lightness() < 60
    finally:
        app.setPalette(old)


def test_a_render_past_its_time_budget_is_abandoned_and_the_preview_says_so(qtbot, monkeypatch, renderer):
    import time

    from PySide6.QtWidgets import QApplication

    from editor.core.article.model import Article
    from editor.ui.preview import pause_work
    from editor.ui.preview.pane import PreviewPane, PreviewRenderer

    real = pause_work.compute_preview_html
    slow_calls: list[str] = []

    def slow(text, base_dir):  # noqa: ANN001, ANN202 - stands in for a pathological render
        if "بطيء" in text:
            slow_calls.append(text)
            time.sleep(3)
        return real(text, base_dir)

    stuck = pause_work._executor
    monkeypatch.setattr(pause_work, "compute_preview_html", slow)
    pane = PreviewPane()
    renderer.abandoned.connect(pane.show_notice)
    monkeypatch.setattr(PreviewRenderer, "RENDER_BUDGET_MS", 300)
    start = time.perf_counter()
    with qtbot.waitSignal(renderer.abandoned, timeout=2000):
        renderer.request(Article.from_text("نص بطيء"), None)
        # the GUI thread stays live meanwhile
        for _ in range(5):
            QApplication.processEvents()
            time.sleep(0.01)
    assert time.perf_counter() - start < 1.5
    assert "took longer than" in pane.toPlainText()
    assert pause_work._executor is not stuck  # the stuck worker was thrown away
    pause_work.use_thread_worker()  # (the app would start a new worker process here)
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        renderer.request(Article.from_text("نص سريع"), None)  # the next render is not stuck behind it
    assert "سريع" in blocker.args[1].html


def test_the_counts_still_come_when_the_preview_is_abandoned(qtbot, monkeypatch, renderer):
    """A 5 MB article on a loaded machine: the preview runs past its budget, the words count,
    hashtags and line directions of the same text still arrive (they were lost with the preview)."""
    import time

    from editor.core.article.model import Article
    from editor.ui.preview import pause_work
    from editor.ui.preview.pane import PreviewRenderer

    real = pause_work.compute_preview_html

    def slow_preview(text, base_dir):  # noqa: ANN001, ANN202 - stands in for a huge article's render
        if "بطيء" in text:
            time.sleep(1.5)
        return real(text, base_dir)

    monkeypatch.setattr(pause_work, "compute_preview_html", slow_preview)
    monkeypatch.setattr(PreviewRenderer, "RENDER_BUDGET_MS", 300)
    abandoned: list[int] = []
    renderer.abandoned.connect(lambda generation, _notice: abandoned.append(generation))
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        generation = renderer.request(Article.from_text("نص بطيء جدا #وسم"), None)
    assert abandoned == [generation]
    result = blocker.args[1]
    assert blocker.args[0] == generation
    assert result.html is None  # the notice stays in the preview
    assert result.words == 4 and result.hashtags == ["وسم"]


def test_a_page_growing_past_one_screen_is_not_laid_out_again_at_another_width(qtbot):
    # When the scroll bar appeared, Qt laid the whole page out again at the narrower width in one go
    # (110 ms of the GUI thread for the bidi-control flood, whose characters take no height).
    from editor.core.article.model import Article
    from editor.core.markdown.page import preview_html
    from editor.ui.preview.pane import PreviewPane

    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_html(preview_html(Article.from_text("سطر قصير")))
    qtbot.waitUntil(lambda: not pane.updating)
    width = pane.document().textWidth()
    pane.show_html(preview_html(Article.from_text("\n\n".join(f"فقرة {i}" for i in range(200)))))
    qtbot.waitUntil(lambda: not pane.updating)
    assert pane.verticalScrollBar().maximum() > 0  # past one screen
    assert pane.document().textWidth() == width
    assert pane.verticalScrollBar().isVisible()


def test_the_counts_job_has_a_budget_of_its_own(qtbot, monkeypatch, renderer):
    """A 5 MB article on a busy machine: the preview came in time, the counts took a while more.
    The preview stays and the counts arrive (the two jobs shared one budget, and the preview shown
    was replaced by the "took longer" notice)."""
    import time

    from editor.core.article.model import Article
    from editor.ui.preview import pause_work
    from editor.ui.preview.pane import PreviewRenderer

    real_html, real_rest = pause_work.compute_preview_html, pause_work.compute_pause_result

    def slowish_html(text, base_dir):  # noqa: ANN001, ANN202
        time.sleep(0.4)
        return real_html(text, base_dir)

    def slowish_rest(text, base_dir, with_html):  # noqa: ANN001, ANN202
        time.sleep(0.4)
        return real_rest(text, base_dir, with_html)

    monkeypatch.setattr(pause_work, "compute_preview_html", slowish_html)
    monkeypatch.setattr(pause_work, "compute_pause_result", slowish_rest)
    monkeypatch.setattr(PreviewRenderer, "RENDER_BUDGET_MS", 600)  # each job fits, both together not
    abandoned: list[int] = []
    renderer.abandoned.connect(lambda generation, _notice: abandoned.append(generation))
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        generation = renderer.request(Article.from_text("نص عادي #وسم"), None)
    assert abandoned == []
    assert blocker.args[0] == generation
    assert "عادي" in blocker.args[1].html and blocker.args[1].hashtags == ["وسم"]


def test_counts_past_their_budget_leave_the_preview_shown(qtbot, monkeypatch, renderer):
    """The counts job is stopped past its own budget (a backstop) without a notice over the preview,
    and the next pause is not stuck behind it."""
    import time

    from editor.core.article.model import Article
    from editor.ui.preview import pause_work
    from editor.ui.preview.pane import PreviewPane, PreviewRenderer

    real_rest = pause_work.compute_pause_result

    def stuck_rest(text, base_dir, with_html):  # noqa: ANN001, ANN202
        if "بطيء" in text:
            time.sleep(2)
        return real_rest(text, base_dir, with_html)

    monkeypatch.setattr(pause_work, "compute_pause_result", stuck_rest)
    monkeypatch.setattr(PreviewRenderer, "COUNTS_BUDGET_MS", 300)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    renderer.preview_ready.connect(lambda _generation, html_text: pane.show_html(html_text))
    renderer.abandoned.connect(pane.show_notice)
    abandoned: list[int] = []
    renderer.abandoned.connect(lambda generation, _notice: abandoned.append(generation))
    with qtbot.waitSignal(renderer.preview_ready, timeout=5000):
        renderer.request(Article.from_text("نص بطيء"), None)
    qtbot.wait(700)  # past the counts' budget
    assert abandoned == []
    qtbot.waitUntil(lambda: "بطيء" in pane.toPlainText(), timeout=3000)
    assert "took longer" not in pane.toPlainText()
    pause_work.use_thread_worker()
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        renderer.request(Article.from_text("نص سريع"), None)
    assert "سريع" in blocker.args[1].html
