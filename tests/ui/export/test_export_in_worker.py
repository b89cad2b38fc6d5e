"""A big article's window export runs in a worker process: the window keeps answering (timers fire,
keys type), a busy bar shows in the status bar, one export at a time, errors reach a dialog, and the
file is exactly what the same export makes at once."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from editor.core.article.model import Article
from editor.core.markdown.page import export_html
from editor.ui.export import jobs
from tests.conftest import SEED_PATH


def test_big_html_export_runs_in_the_worker_and_the_window_answers(big_window, qtbot, tmp_path: Path) -> None:
    window, path = big_window
    exporter = window.exporter
    target = tmp_path / "out" / "page.html"
    target.parent.mkdir()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    assert exporter.export_to("html", target)  # started, not yet written
    assert exporter.exporting and exporter.busy is not None and exporter.busy.isVisible()
    assert "page.html" in window.status.currentMessage()
    errors: list[str] = []
    exporter.show_error = lambda _parent, title, message: errors.append(message)
    assert not exporter.export_to("docx", tmp_path / "second.docx")  # one export at a time
    assert errors and not (tmp_path / "second.docx").exists()
    qtbot.waitUntil(lambda: not exporter.exporting, timeout=60_000)
    timer.stop()
    assert len(ticks) >= 3  # the event loop ran while the worker exported
    assert exporter.busy is None and "page.html" in window.status.currentMessage()
    article = Article.from_text(path.read_text(encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == export_html(article, path.parent)
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html"]  # no temporary file left


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_big_word_and_pdf_exports_in_the_worker(big_window, qtbot, tmp_path: Path, fmt: str) -> None:
    window, _ = big_window
    target = tmp_path / f"out.{fmt}"
    assert window.exporter.export_to(fmt, target) and window.exporter.exporting
    qtbot.waitUntil(lambda: not window.exporter.exporting, timeout=60_000)
    data = target.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert "مقال" in package.read("word/document.xml").decode("utf-8")


def test_a_failed_worker_export_shows_the_error(big_window, qtbot, tmp_path: Path) -> None:
    window, _ = big_window
    errors: list[str] = []
    window.exporter.show_error = lambda _parent, title, message: errors.append(message)
    target = tmp_path / "missing-folder" / "page.html"
    assert window.exporter.export_to("html", target)
    qtbot.waitUntil(lambda: not window.exporter.exporting, timeout=60_000)
    assert len(errors) == 1 and not target.exists() and window.exporter.busy is None


def test_the_worker_process_renders_a_big_article_in_parts_with_the_same_page(tmp_path: Path) -> None:
    # a real worker process (spawned, as the window's): Qt is not started there, so the parts are used
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from editor.core.markdown import chunked

    seed = SEED_PATH.read_text(encoding="utf-8")
    copies = chunked.MIN_PARALLEL_CHARS // len(seed) + 2
    article = Article.from_text("---\ntitle: مقال كبير\n---\n\n" + "\n\n## محور\n\n".join([seed] * copies))
    assert chunked.split_parts(chunked.normalize(article.body), 2) is not None  # it can be cut
    target = tmp_path / "big.html"
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        job = pool.submit(jobs.write_export, "html", article, tmp_path, target, "Amiri", "a4")
        assert job.result(timeout=120) == str(target)
    assert target.read_text(encoding="utf-8") == export_html(article, tmp_path)
    # the worker imports the job's module without Qt (so the parts may be forked there)
    check = "import sys, editor.ui.export.jobs; sys.exit('PySide6.QtCore' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], timeout=60).returncode == 0
