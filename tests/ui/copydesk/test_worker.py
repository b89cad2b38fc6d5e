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


def test_a_check_with_too_many_findings_sends_the_first_ones_and_says_so(monkeypatch) -> None:
    text = "---\ntitle: ت\ntags: [أ]\n---\n" + "الرباط, المغرب\n" * 50
    _offset, every = worker.capped_check(text, None, False)
    assert len(every) == 50 and all(f.rule == "latin-punct" for f in every)  # under the cap: all of them
    monkeypatch.setattr(worker, "MAX_FINDINGS", 20)
    body_offset, findings = worker.capped_check(text, None, False)
    note, kept = findings[0], findings[1:]
    assert note.rule == "limit" and note.length == 0 and note.message.params == {"shown": 20, "total": 50}
    assert kept == sorted(every, key=lambda f: f.offset)[:20]  # the first ones in the text
    assert body_offset == len(text) - len("الرباط, المغرب\n" * 50)
