"""clean_text: the one place that knows which characters turn text around."""

from __future__ import annotations

import unicodedata

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from reclaim.core.text import BIDI_CONTROLS, clean_posted, clean_text, has_bidi_controls, listed


def test_it_drops_every_bidi_control_unicode_lists():
    listed = {
        chr(c)
        for c in range(0x110000)
        if unicodedata.bidirectional(chr(c))
        in {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
    }
    # The embedding, override and isolate controls, plus the three marks.
    assert listed | {"\u200e", "\u200f", "\u061c"} == set(BIDI_CONTROLS)
    assert clean_text("".join(sorted(BIDI_CONTROLS))) == ""


@given(st.text())
def test_it_keeps_everything_else_in_order(text):
    cleaned = clean_text(text)
    assert not has_bidi_controls(cleaned)
    assert cleaned == "".join(c for c in text if c not in BIDI_CONTROLS)


def test_posted_data_is_cleaned_value_by_value_except_what_it_is_told_to_keep():
    data = QueryDict(mutable=True)
    data.setlist("tags", ["a\u202eb", "c\u2066"])
    data["password"] = "p\u202e"
    cleaned = clean_posted(data, frozenset({"password"}))
    assert cleaned.getlist("tags") == ["ab", "c"]
    assert cleaned["password"] == "p\u202e"
    assert clean_posted({"body": "x\u200f", "n": 3, "l": ["\u061cy"]}) == {
        "body": "x",
        "n": 3,
        "l": ["y"],
    }


def test_words_are_listed_as_a_sentence_lists_them():
    assert listed([]) == ""
    assert listed(["mood"]) == "mood"
    assert listed(["mood", "sleep"]) == "mood and sleep"
    assert listed(["mood", "sleep", "self-worth"]) == "mood, sleep and self-worth"
