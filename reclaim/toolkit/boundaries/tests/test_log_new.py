from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Occasion
from reclaim.vault.fields import open_row


def _url(boundary):
    return reverse("boundaries:log_new", args=[boundary.pk])


def test_the_form_starts_on_today_and_frames_it_gently(member_client, member, boundary):
    page = member_client.get(_url(boundary))
    today = timezone.localdate(timezone.now(), member.zone)
    assert html.values(page, "day") == [f"{today:%Y-%m-%d}"]
    assert "There is no wrong answer here." in html.words(html.main(page))
    assert "Did not hold" in html.words(html.main(page))


def test_a_note_is_saved_and_the_counts_follow(member_client, member, boundary):
    today = timezone.localdate(timezone.now(), member.zone)
    response = member_client.post(
        _url(boundary),
        {"day": today.isoformat(), "what": "It came up.", "outcome": "partly", "did": "I paused."},
        follow=True,
    )
    page = response
    text = html.words(html.main(page))
    assert "Noted. Thank you for keeping track." in text
    assert "Tested once so far, and it partly held." in text
    occasion = open_row(Occasion.objects.get(owner=member))
    assert occasion.record == {"what": "It came up.", "outcome": "partly", "did": "I paused."}


def test_a_future_day_gets_a_kind_message_and_keeps_the_words(member_client, boundary):
    page = member_client.post(
        _url(boundary), {"day": "2999-01-01", "what": "Kept words here.", "outcome": "held"}
    )
    text = html.words(html.main(page))
    assert "That date is in the future. Could you check it? Your words are still here." in text
    assert "Kept words here." in text
    assert not Occasion.objects.exists()


def test_without_how_it_went_it_asks_kindly(member_client, boundary):
    page = member_client.post(_url(boundary), {"day": "2026-01-02", "what": "Something."})
    text = html.words(html.main(page))
    assert "Choose how it went: held, partly held, or did not hold." in text
    assert not Occasion.objects.exists()
