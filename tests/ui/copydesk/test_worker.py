"""The copy desk's worker processes, as the application runs them (spawned, results pickled back)."""

from __future__ import annotations

from editor.core.text.messages import Text
from editor.ui.copydesk import worker


def test_typography_check_in_a_worker_process(monkeypatch) -> None:
    monkeypatch.setattr(worker, "_use_threads", False)
    monkeypatch.setattr(worker, "_executors", {})
    try:
        future = worker.submit("---\ntitle: ت\n---\nالرباط, المغرب\u202e", None, False)
        body_offset, findings = future.result(timeout=120)
    finally:
        worker.shutdown()
    assert body_offset == len("---\ntitle: ت\n---\n")
    assert [f.rule for f in findings] == [
        "tags",
        "latin-punct",
        "invisible",
    ]  # (tags: article-level, offset 0)
    message = findings[1].message
    assert isinstance(message, Text) and message.template.startswith("Latin {mark}")
    assert message.params == {"mark": ",", "arabic": "،"}
