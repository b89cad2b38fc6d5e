"""The work after a typing pause runs outside the GUI thread and survives a dead worker."""

from __future__ import annotations

from concurrent.futures import BrokenExecutor, Future

from editor.core.article.model import Article
from editor.ui.preview import pause_work
from editor.ui.preview.pane import PreviewRenderer


def test_compute_pause_result_uses_core_counting_and_renderer(seed_text):
    result = pause_work.compute_pause_result(seed_text, None, True)
    assert result.words == 437
    assert result.hashtags[:2] == ["الرباط", "العدالة"]
    assert "حموشي" in result.html
    assert pause_work.compute_pause_result(seed_text, None, False).html is None


class _BrokenPool:
    def submit(self, *_args, **_kwargs) -> Future:
        future: Future = Future()
        future.set_exception(BrokenExecutor("worker died"))
        return future

    def shutdown(self, **_kwargs) -> None:
        pass


def test_a_dead_worker_process_falls_back_to_a_thread(qtbot, monkeypatch):
    monkeypatch.setattr(pause_work, "_executor", _BrokenPool())
    renderer = PreviewRenderer()
    with qtbot.waitSignal(renderer.rendered, timeout=10000) as blocker:
        renderer.request(Article.from_text("نص #وسم"), None)
    assert blocker.args[1].hashtags == ["وسم"]
    assert not isinstance(pause_work._executor, _BrokenPool)


def test_only_the_newest_request_is_delivered(qtbot):
    renderer = PreviewRenderer()
    received = []
    renderer.rendered.connect(lambda generation, result: received.append((generation, result.words)))
    for n in range(1, 6):
        renderer.request(Article.from_text(" ".join(["كلمة"] * n)), None, with_html=False)
    qtbot.waitUntil(lambda: bool(received) and received[-1][0] == 5, timeout=10000)
    assert received[-1] == (5, 5)
    generations = [generation for generation, _ in received]
    assert generations == sorted(set(generations))  # never an older result after a newer one
    assert all(words == generation for generation, words in received)
