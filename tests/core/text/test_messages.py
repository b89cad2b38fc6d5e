"""Translatable core sentences: joining several, and storing them (template + values) in a cache."""

from __future__ import annotations

import pickle

from editor.core.text.messages import Text, dump_text, join_texts, load_text, msg


def test_a_stored_message_comes_back_with_its_template_and_nested_values():
    inner = msg("line {line}: {message}", line=3, message=msg("the list is not closed"))
    text = join_texts([msg("{path} is {kind}, not a file Midad can open", path="a.md", kind="binary"), inner])
    assert str(text) == "a.md is binary, not a file Midad can open; line 3: the list is not closed"
    back = load_text(dump_text(text))
    assert isinstance(back, Text) and back == text
    assert back.template == "{first}; {rest}"
    rest = back.params["rest"]
    assert isinstance(rest, Text) and rest.template == "line {line}: {message}" and rest.params["line"] == 3
    assert isinstance(rest.params["message"], Text)
    assert pickle.loads(pickle.dumps(back)) == back  # results of worker processes


def test_plain_and_damaged_stored_values_are_shown_as_they_are():
    assert load_text(None) is None and dump_text(None) is None
    assert load_text(dump_text("plain words")) == "plain words"
    assert load_text("an old English problem") == "an old English problem"
    for damaged in ('{"t": "{missing}", "p": {}}', '{"t": 1, "p": {}}', "[1, 2]", '{"t": "x"}', "[" * 100000):
        assert load_text(damaged) == damaged
    assert join_texts([]) is None and join_texts([None, ""]) is None
    assert join_texts(["one"]) == "one"
