from urllib.parse import urlparse

from django.urls import reverse
from pytest_django.asserts import assertContains

from reclaim.checkins.models import CheckIn
from reclaim.testing import html
from reclaim.vault.fields import open_row, seal

from .helpers import folds, posted


def url(checkin):
    return reverse("checkins:edit", args=[checkin.pk])


def test_it_sends_anonymous_visitors_to_sign_in(client, checkin):
    response = client.get(url(checkin))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


def test_it_rejects_another_members_checkin(other_client, checkin):
    assert other_client.get(url(checkin)).status_code == 404
    assert other_client.post(url(checkin), posted(mood="0", note="mine now")).status_code == 404
    checkin.refresh_from_db()
    open_row(checkin)
    assert checkin.mood == 6
    assert checkin.note == "A hard morning."


def test_it_shows_the_checkin_as_it_was(member_client, checkin):
    response = member_client.get(url(checkin))
    assert html.values(response, "mood") == ["6"]
    assert html.values(response, "triggers") == ["Their phone"]
    assert html.values(response, "note") == ["A hard morning."]
    # What the check-in holds is shown, not folded away.
    assert folds(response.content.decode()) == {
        "Anything that set you off?": True,
        "A note, if you like": True,
    }


def test_a_scale_not_rated_stays_not_rated_when_edited(member, member_client, make_checkin):
    checkin = make_checkin(member, sleep=None)
    response = member_client.get(url(checkin))
    assert html.values(response, "sleep") == [""]
    # Saving the form as shown (the browser sends "Not rated" as empty) keeps it so.
    member_client.post(url(checkin), posted(sleep="", mood="7"))
    saved = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert saved.scores == {"mood": 7, "anger": 3, "anxiety": 4, "self_worth": 6}


def test_a_number_can_be_cleared_again(member_client, checkin):
    member_client.post(url(checkin), posted(anger=""))
    assert open_row(CheckIn.objects.get(pk=checkin.pk)).anger is None
    history = html.words(html.main(member_client.get(reverse("checkins:history"))))
    assert "Mood 6 · Anger not rated · Anxiety 4 · Sleep 6 · Self-worth 6" in history


def test_it_changes_the_numbers_triggers_and_note(member_client, checkin):
    response = member_client.post(
        url(checkin),
        posted(mood="8", triggers=["Bedtime"], new_triggers="the blue car", note="Better now."),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:history")
    saved = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert saved.mood == 8
    assert saved.triggers == ["Bedtime", "the blue car"]
    assert saved.note == "Better now."
    assert saved.created == checkin.created
    assert saved.day == checkin.day


def test_emptying_the_note_leaves_no_ciphertext(member_client, checkin):
    member_client.post(url(checkin), posted(note=""))
    saved = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert saved.note_sealed is None
    assert saved.note == ""


def test_it_keeps_a_trigger_no_longer_offered(member, member_client, make_checkin):
    # A name from an older list of common triggers stays on the form.
    checkin = make_checkin(member)
    checkin.triggers = ["An old name"]
    seal(checkin)
    checkin.save()
    form = member_client.get(url(checkin))
    assert html.values(form, "triggers") == ["An old name"]
    member_client.post(url(checkin), posted(triggers=["An old name"]))
    assert open_row(CheckIn.objects.get(pk=checkin.pk)).triggers == ["An old name"]


def test_bad_input_keeps_what_was_typed(member_client, checkin):
    response = member_client.post(url(checkin), posted(sleep="12", note="New words."))
    assert response.status_code == 200
    assert html.values(response, "note") == ["New words."]
    assertContains(
        response,
        "<li>Sleep last night goes from 0 (Hardly slept) to 10 (Slept well). Could you choose "
        "one of those numbers? Your other answers are still here.</li>",
        html=True,
        count=2,
    )
    assert open_row(CheckIn.objects.get(pk=checkin.pk)).note == "A hard morning."
