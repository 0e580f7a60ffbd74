"""Every tool's form drops bidi controls through the shared ToolForm."""

from __future__ import annotations

from django import forms

from reclaim.toolkit.forms import ToolForm, text


class _Tool(ToolForm):
    words = text("Words", required=True)
    plain = forms.CharField(required=False)


def test_a_tool_form_cleans_its_text_fields_even_ones_not_made_with_text():
    form = _Tool({"words": "cal\u202em", "plain": "\u2067sea\u061c"})
    assert form.is_valid()
    assert form.cleaned_data == {"words": "calm", "plain": "sea"}


def test_a_box_of_only_bidi_controls_is_as_empty_as_it_looks():
    form = _Tool({"words": "\u202e\u202c"})
    assert not form.is_valid()
    assert form.errors["words"] == ["This one needs a few words."]
