"""Shared set-up of the library panel tests: a generated library shown in a live panel."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_library import generate_library  # noqa: E402
from editor.core.library.facade import Library  # noqa: E402
from editor.ui.library.controller import LibraryController  # noqa: E402
from editor.ui.library.panel import LibraryPanel  # noqa: E402


@contextmanager
def shown_library(
    qtbot,
    tmp_path: Path,
    monkeypatch,
    count: int,
    words: int,
    seed: int,
    poll_ms: int,
    timeout: int,  # noqa: ANN001
) -> Iterator[tuple[LibraryPanel, LibraryController, object, Path]]:
    """`count` generated articles in a panel that lists them all; the controller stops after."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    root = tmp_path / "lib"
    manifest = generate_library(root, count, words_per_article=words, seed=seed)
    controller = LibraryController(Library(root, cache_dir=tmp_path / "cache"), poll_ms=poll_ms)
    panel = LibraryPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    controller.start()
    try:
        qtbot.waitUntil(lambda: panel.model.rowCount() == count, timeout=timeout)
        yield panel, controller, manifest, root
    finally:
        controller.stop()
        controller.wait()
