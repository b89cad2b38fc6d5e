"""The preview renderer: one render per piece of work, a budget of the worker's CPU time, a small outline."""

from __future__ import annotations

import time

import pytest

from editor.core.article.model import Article
from editor.ui.preview import pause_work
from editor.ui.preview.renderer import PreviewRenderer


@pytest.fixture
def renderer():
    """A renderer on a thread worker (the tests' stand-ins are used), shut down after the test."""
    pause_work.use_thread_worker()
    renderer = PreviewRenderer()
    yield renderer
    renderer.shutdown()
    pause_work.abandon_worker()


def _slow_html(monkeypatch, seconds: float) -> list[str]:
    calls: list[str] = []
    real = pause_work.compute_preview_html

    def slow(text, base_dir):  # noqa: ANN001, ANN202 - a long render
        calls.append(text)
        time.sleep(seconds)
        return real(text, base_dir)

    monkeypatch.setattr(pause_work, "compute_preview_html", slow)
    return calls


def test_a_request_for_the_work_in_flight_is_served_by_it(qtbot, monkeypatch, renderer):
    # A pause comes again for the same text while its render runs (the editor finished loading a big
    # article): the second render of 50,000 headings cost another 1.8 s of the worker, and when the first
    # was abandoned the second started in a fresh worker: no preview at all.
    calls = _slow_html(monkeypatch, 0.3)
    article = Article.from_text("نص المقال #وسم")
    renderer.request(article, None)
    second = renderer.request(article, None)
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        pass
    assert blocker.args[0] == second and "المقال" in blocker.args[1].html
    assert calls == [article.text]
    # other work is not served by it: another text, or the preview asked of a job without one
    third = renderer.request(Article.from_text("نص آخر"), None)
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        pass
    assert blocker.args[0] == third and "آخر" in blocker.args[1].html
    renderer.request(article, None, with_html=False)
    fifth = renderer.request(article, None)
    with qtbot.waitSignal(
        renderer.rendered, timeout=5000, check_params_cb=lambda g, _r: g == fifth
    ) as blocker:
        pass
    assert blocker.args[1].html is not None


def test_a_worker_waiting_for_a_core_is_given_its_cpu_budget(qtbot, monkeypatch, renderer):
    # The budget is the worker's CPU time where it can be read: a render that waited for a core on a busy
    # machine (its CPU time does not move) is not abandoned at the budget's wall time.
    _slow_html(monkeypatch, 0.8)
    monkeypatch.setattr(PreviewRenderer, "RENDER_BUDGET_MS", 200)
    monkeypatch.setattr(pause_work, "worker_cpu_seconds", lambda: 3.0)  # no CPU spent meanwhile
    abandoned: list[int] = []
    renderer.abandoned.connect(lambda generation, _notice: abandoned.append(generation))
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as blocker:
        generation = renderer.request(Article.from_text("نص بطيء"), None)
    assert abandoned == [] and blocker.args[0] == generation and "بطيء" in blocker.args[1].html


def test_a_render_spending_its_cpu_budget_or_the_wall_limit_is_abandoned(qtbot, monkeypatch, renderer):
    _slow_html(monkeypatch, 1.5)
    monkeypatch.setattr(PreviewRenderer, "RENDER_BUDGET_MS", 200)
    spent = iter(range(0, 1000))  # one CPU second more at each look
    monkeypatch.setattr(pause_work, "worker_cpu_seconds", lambda: float(next(spent)))
    start = time.monotonic()
    with qtbot.waitSignal(renderer.abandoned, timeout=3000):
        renderer.request(Article.from_text("نص بطيء"), None)
    assert time.monotonic() - start < 1.0
    pause_work.use_thread_worker()
    monkeypatch.setattr(pause_work, "worker_cpu_seconds", lambda: 3.0)  # starved...
    monkeypatch.setattr(PreviewRenderer, "RENDER_WALL_MS", 500)  # ... but not for ever
    start = time.monotonic()
    with qtbot.waitSignal(renderer.abandoned, timeout=3000):
        renderer.request(Article.from_text("نص بطيء ثان"), None)
    assert 0.4 < time.monotonic() - start < 1.4


def test_the_worker_sends_the_listed_headings_and_their_count():
    from editor.core.markdown.outline import MAX_LISTED

    text = "".join(f"## عنوان {i}\n\nفقرة.\n\n" for i in range(MAX_LISTED + 500))
    result = pause_work.compute_pause_result(text, None, False)
    assert len(result.headings) == MAX_LISTED + 1 and result.headings_total == MAX_LISTED + 500
    assert result.headings[-1].title == f"عنوان {MAX_LISTED}"
    small = pause_work.compute_pause_result("# أ\n\n## ب\n", None, False)
    assert [h.title for h in small.headings] == ["أ", "ب"] and small.headings_total == 2


def test_worker_cpu_seconds_reads_the_worker_process():
    pause_work.use_thread_worker()
    assert pause_work.worker_cpu_seconds() is None  # a thread: wall time
    pause_work.abandon_worker()
