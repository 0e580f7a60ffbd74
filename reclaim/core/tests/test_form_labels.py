"""Every form writes its labels the same way: the words as written, no colon."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains


class _Plain(forms.Form):
    country = forms.CharField(label="Country")
    name = forms.CharField(label="What should we call you?")
    moods = forms.MultipleChoiceField(
        label="Today felt", choices=[("a", "Calm")], widget=forms.RadioSelect
    )


def test_a_plain_django_form_has_no_colon_after_its_labels():
    rendered = str(_Plain())
    assertInHTML('<label for="id_country">Country</label>', rendered)
    assertInHTML('<label for="id_name">What should we call you?</label>', rendered)
    # A group of choices is named by a legend, also without a colon.
    assertInHTML("<legend>Today felt</legend>", rendered)
    assert "Country:" not in rendered and "Today felt:" not in rendered


def test_the_settings_page_labels_have_no_colon(member_client):
    response = member_client.get(reverse("accounts:settings"))
    assertContains(response, '<label for="id_country">Country</label>', html=True)
    assertContains(response, '<label for="id_timezone">Time zone</label>', html=True)
    assertNotContains(response, "Time zone:")
