"""After a refresh that changed a few articles, only those are read again; the lists equal a full load."""

from __future__ import annotations

import random
from pathlib import Path

from editor.core.library import facade
from editor.core.library.facade import Library
from editor.core.library.tag_tally import TagTally
from editor.core.library.tags import summarize_keyed_tags

_TAGS = ["الأمن", "الامن", "الأَمن", "رياضة", "ثقافة", "Sport", "sport", "مصر"]


def _write(root: Path, name: str, rng: random.Random) -> None:
    fm = rng.sample(_TAGS, rng.randint(0, 3))
    body = " ".join(f"#{t}" for t in rng.sample(_TAGS, rng.randint(0, 2)))
    status = rng.choice(["draft", "ready", "", "odd"])
    date = rng.choice(["2024-01-02", "2023-05-06", "", "أمس"])
    text = f"---\ntitle: مقال {rng.randint(0, 99)}\nstatus: {status}\ndate: {date}\ntags: [{', '.join(fm)}]\n---\n{body} نص\n"
    (root / name).write_text(text, encoding="utf-8")


def _state(lib: Library) -> tuple:
    return (
        lib.articles(),
        lib.tags(),
        lib.statuses(),
        {t: sorted(lib.filter_by_tags([t])) for t in _TAGS},
        sorted(lib.filter_by_tags(["الأمن", "رياضة"], "any")),
    )


def test_refreshes_that_change_a_few_articles_equal_a_full_load(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    rng = random.Random(5)
    for i in range(40):
        _write(root, f"a{i:02d}.md", rng)
    lib = Library(root, cache_dir=tmp_path / "cache", workers=1)
    lib.refresh()
    partial_loads = []
    real = lib.index.entries
    monkeypatch.setattr(
        lib.index, "entries", lambda paths=None: (partial_loads.append(paths), real(paths))[1]
    )
    for _round in range(25):
        names = sorted(p.name for p in root.iterdir())
        for _ in range(rng.randint(1, 4)):
            action = rng.random()
            if action < 0.5 and names:
                _write(root, rng.choice(names), rng)  # changed
            elif action < 0.75:
                _write(root, f"n{rng.randint(0, 999):03d}.md", rng)  # new (or changed)
            elif names:
                (root / names.pop(rng.randrange(len(names)))).unlink(missing_ok=True)  # removed
        lib.refresh()
        fresh = Library(root, cache_dir=tmp_path / "cache", workers=1)
        fresh.refresh(load=False)
        assert _state(lib) == _state(fresh)
    assert partial_loads and all(p is not None for p in partial_loads)  # never the whole list again


def test_many_changes_load_the_whole_lists(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(facade, "INCREMENTAL_LOAD", 3)
    root = tmp_path / "lib"
    root.mkdir()
    rng = random.Random(6)
    for i in range(10):
        _write(root, f"a{i:02d}.md", rng)
    lib = Library(root, cache_dir=tmp_path / "cache", workers=1)
    lib.refresh()
    for i in range(5):
        _write(root, f"a{i:02d}.md", rng)
    calls = []
    real = lib.index.entries
    monkeypatch.setattr(lib.index, "entries", lambda paths=None: (calls.append(paths), real(paths))[1])
    lib.refresh()
    assert calls == [None]


def test_tag_tally_equals_summarize_after_random_changes() -> None:
    rng = random.Random(7)
    tally = TagTally()
    articles: dict[str, list[tuple[str, str]]] = {}
    keys = {"الأمن": "امن", "الامن": "امن", "رياضة": "رياضه", "Sport": "sport", "sport": "sport", "x": "x"}
    for _ in range(500):
        rel = f"p{rng.randint(0, 30)}"
        pairs = [(t, keys[t]) for t in rng.choices(list(keys), k=rng.randint(0, 4))]
        tally.set_article(rel, pairs)
        articles[rel] = pairs
        assert tally.summaries() == summarize_keyed_tags(articles.values())
        paths: dict[str, set[str]] = {}
        for path, found in articles.items():
            for _t, key in found:
                paths.setdefault(key, set()).add(path)
        assert tally.paths == paths
