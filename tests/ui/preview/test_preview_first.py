"""Preview refresh speed (issue 13): the preview HTML is its own first job and unchanged HTML is
not laid out again."""

from __future__ import annotations

import threading

from editor.core.article.model import Article
from editor.ui.preview import pause_work
from editor.ui.preview.pane import PreviewPane, PreviewRenderer


def test_the_preview_is_shown_before_the_rest_of_the_pause_work(qtbot, monkeypatch):
    real = pause_work.compute_pause_result
    release = threading.Event()

    def slow_rest(text, base_dir, with_html):  # noqa: ANN001, ANN202 - counts, directions, outline
        release.wait(5)
        return real(text, base_dir, with_html)

    pause_work.use_thread_worker()  # (a thread, so the stand-in is used)
    monkeypatch.setattr(pause_work, "compute_pause_result", slow_rest)
    renderer = PreviewRenderer()
    results = []
    renderer.rendered.connect(lambda generation, result: results.append(result))
    try:
        with qtbot.waitSignal(renderer.preview_ready, timeout=5000) as ready:
            generation = renderer.request(Article.from_text("نص المعاينة #وسم"), None)
        assert ready.args[0] == generation
        assert "نص المعاينة" in ready.args[1]
        assert results == []  # the counts are still being computed
        release.set()
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
        assert results[0].html == ready.args[1]  # the full result carries the same HTML
        assert results[0].hashtags == ["وسم"]
    finally:
        release.set()
        renderer.shutdown()
        pause_work.abandon_worker()


def test_no_preview_job_when_the_preview_is_hidden(qtbot, monkeypatch):
    calls = []
    real = pause_work.compute_preview_html
    monkeypatch.setattr(pause_work, "compute_preview_html", lambda *a: calls.append(a) or real(*a))
    pause_work.use_thread_worker()
    renderer = PreviewRenderer()
    ready = []
    renderer.preview_ready.connect(lambda *args: ready.append(args))
    try:
        with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
            renderer.request(Article.from_text("كلمة أخرى"), None, with_html=False)
        assert blocker.args[1].html is None
        assert blocker.args[1].words == 2
        assert calls == [] and ready == []
    finally:
        renderer.shutdown()
        pause_work.abandon_worker()


def test_a_stale_preview_job_is_not_shown(qtbot, monkeypatch):
    real = pause_work.compute_preview_html
    first_started = threading.Event()
    go_on = threading.Event()

    def held(text, base_dir):  # noqa: ANN001, ANN202
        if "أولى" in text:
            first_started.set()
            go_on.wait(5)
        return real(text, base_dir)

    pause_work.use_thread_worker()
    monkeypatch.setattr(pause_work, "compute_preview_html", held)
    renderer = PreviewRenderer()
    shown = []
    renderer.preview_ready.connect(lambda generation, html: shown.append(html))
    try:
        renderer.request(Article.from_text("نسخة أولى"), None)
        assert first_started.wait(5)
        renderer.request(Article.from_text("نسخة ثانية"), None)  # typing went on
        go_on.set()
        qtbot.waitUntil(lambda: any("ثانية" in html for html in shown), timeout=5000)
        assert not any("أولى" in html for html in shown)
    finally:
        go_on.set()
        renderer.shutdown()
        pause_work.abandon_worker()


def test_the_same_html_is_not_laid_out_again(qtbot):
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    page = (
        "<html><head><style>p { font-size: 12pt }</style></head><body>"
        + "".join(f"<p>فقرة {i}</p>" for i in range(200))
        + "</body></html>"
    )
    changes: list[tuple[int, int, int]] = []
    pane.document().contentsChange.connect(lambda at, removed, added: changes.append((at, removed, added)))
    pane.show_html(page)
    assert changes and "فقرة 199" in pane.toPlainText()
    changes.clear()
    pane.show_html(page)  # e.g. the full pause result after its preview job
    assert changes == []
    pane.set_look(zoom=2)  # a new look is a new page: all of it again
    assert sum(added for _at, _removed, added in changes) > 1000
    changes.clear()
    pane.show_html(page.replace("فقرة 5<", "فقرة خامسة<"))  # one paragraph changed: only it is replaced
    assert "فقرة خامسة" in pane.toPlainText()
    assert changes and sum(added for _at, _removed, added in changes) < 40
    pane.show_notice(0, "<p>notice</p>")
    pane.show_html(page.replace("فقرة 5<", "فقرة خامسة<"))  # after a notice, the page comes back
    assert "فقرة خامسة" in pane.toPlainText() and "notice" not in pane.toPlainText()
