"""Preferences and remembered state round-trip through QSettings, with bad values refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from editor.ui.common.settings import MAX_RECENT, Settings


def test_recent_files_are_most_recent_first_unique_and_bounded(settings):
    for i in range(MAX_RECENT + 3):
        settings.add_recent_file(f"/a/{i}.md")
    settings.add_recent_file("/a/5.md")
    files = settings.recent_files()
    assert files[0] == "/a/5.md" and files.count("/a/5.md") == 1
    assert len(files) == MAX_RECENT
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_preferences_round_trip_through_the_file(tmp_path):
    path = str(tmp_path / "p.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    first.set_language("ar")
    first.set_caret_mode("visual")
    first.set_font_size(18)
    first.set_zoom(3)
    first.set_splitter_sizes([500, 400])
    first.sync()
    second = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert (second.language(), second.caret_mode(), second.font_size(), second.zoom()) == (
        "ar",
        "visual",
        18,
        3,
    )
    assert second.splitter_sizes() == [500, 400]


def test_bad_values_fall_back_to_defaults(tmp_path):
    raw = QSettings(str(tmp_path / "bad.ini"), QSettings.Format.IniFormat)
    raw.setValue("ui/language", "klingon")
    raw.setValue("editor/size", "huge")
    raw.setValue("editor/zoom", 999)
    raw.setValue("window/splitter", ["a", "b"])
    settings = Settings(raw)
    assert settings.language() == "auto"
    assert settings.font_size() == 15
    assert settings.zoom() == 30
    assert settings.splitter_sizes() == []
    with pytest.raises(ValueError):
        settings.set_caret_mode("diagonal")
