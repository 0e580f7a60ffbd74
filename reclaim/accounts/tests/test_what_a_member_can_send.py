"""Settings and onboarding keep only what they offer, and names cannot turn a page around."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reclaim.accounts import actions
from reclaim.core.text import BIDI_CONTROLS, has_bidi_controls
from reclaim.testing import html
from reclaim.vault.fields import open_row

SETTINGS = reverse("accounts:settings")
# "Robin" with a right-to-left override in the middle: shown as is, everything
# after it on the line would be laid out backwards.
TURNED = "Ro\u202ebin\u2066\u200f\u061c"


def _form(**changes) -> dict:
    data = {
        "display_name": "Robin",
        "country": "GB",
        "timezone": "Europe/London",
        "language": "en",
        "autolock_minutes": "15",
    }
    data.update(changes)
    return data


def test_a_language_that_does_not_exist_is_refused_kindly_and_keeps_the_rest(member_client, member):
    response = member_client.post(SETTINGS, _form(language="xx-bad", display_name="Robin B"))
    assert response.status_code == 200
    assert "We do not have that language yet. Could you choose one from the list?" in html.words(
        html.main(response)
    )
    assert html.values(response, "display_name") == ["Robin B"]
    member.refresh_from_db()
    open_row(member)
    assert (member.language, member.display_name) == ("en", "Robin")


def test_the_language_is_offered_as_a_list_of_what_we_have(member_client):
    page = member_client.get(SETTINGS)
    language = html.one(page, '[name="language"]')
    assert language.name == "select"
    assert html.values(page, "language") == ["en"]
    assert html.words(language.select_one("option[selected]")) == "English"


def test_a_name_too_long_gets_a_message_in_our_words_and_stays_in_the_box(member_client, member):
    name = "R" * 61
    response = member_client.post(SETTINGS, _form(display_name=name))
    assert "A name can be up to 60 characters, and this one has 61." in html.words(
        html.main(response)
    )
    assert html.values(response, "display_name") == [name]
    member.refresh_from_db()
    open_row(member)
    assert member.display_name == "Robin"


def test_a_display_name_loses_its_bidi_controls_before_it_is_saved(member_client, member):
    response = member_client.post(SETTINGS, _form(display_name=TURNED))
    assert response.status_code == 302
    member.refresh_from_db()
    open_row(member)
    assert member.display_name == "Robin"


def test_a_name_with_bidi_controls_no_longer_reorders_the_page(member_client, member):
    member_client.post(SETTINGS, _form(display_name=TURNED))
    for url in (reverse("progress:today"), SETTINGS):
        page = member_client.get(url).content.decode()
        assert "Robin" in page
        # The raw page, not only its words: a control character hides in any attribute too.
        assert not has_bidi_controls(page), [hex(ord(c)) for c in page if c in BIDI_CONTROLS]


def test_a_name_of_only_bidi_controls_is_as_empty_as_it_looks(member_client, member):
    member_client.post(SETTINGS, _form(display_name="\u202e\u202e\u2067"))
    member.refresh_from_db()
    open_row(member)
    assert member.display_name == ""
    assert member.name_to_show == "member"


def test_onboarding_cleans_the_name_too(member_client, member):
    url = reverse("accounts:welcome_step", kwargs={"step": "place"})
    member_client.post(url, {"display_name": TURNED, "country": "GB", "timezone": "UTC"})
    member.refresh_from_db()
    open_row(member)
    assert member.display_name == "Robin"


@pytest.mark.parametrize(
    "answer",
    [{"what": ["affair", "invented"]}, {"living_together": "maybe"}, {"children": "7"}],
)
def test_onboarding_choices_outside_the_list_are_refused_kindly(member_client, member, answer):
    url = reverse("accounts:welcome_step", kwargs={"step": "situation"})
    response = member_client.post(url, answer)
    assert response.status_code == 200
    assert "Could you choose one of the answers shown?" in response.content.decode()
    assert not hasattr(member, "situation") or member.situation is None


def test_a_password_keeps_every_character_it_was_typed_with(member_client, member):
    # Cleaning is for text that is shown again; a password is compared, and
    # changing it would lock the member out.
    from reclaim.accounts.forms import ConfirmPasswordForm

    form = ConfirmPasswordForm({"password": "a\u202eb"})
    assert form.is_valid()
    assert form.cleaned_data["password"] == "a\u202eb"


@pytest.mark.parametrize(
    "changes",
    [{"language": "xx"}, {"timezone": "Mars/Base"}, {"country": "ZZ"}, {"autolock_minutes": 2}],
)
def test_the_settings_action_refuses_values_the_form_does_not_offer(member, changes):
    with pytest.raises(ValidationError):
        actions.do_update_settings(member, changes)
    member.refresh_from_db()
    assert (member.language, member.timezone, member.country, member.autolock_minutes) == (
        "en",
        "Europe/London",
        "GB",
        15,
    )
