from datetime import UTC, datetime

from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.selfcare.models import Done
from reclaim.toolkit.writing import today_for
from reclaim.vault.fields import open_row

from .conftest import RISK


def _url(activity) -> str:
    return reverse("selfcare:log", args=[activity.pk])


def test_one_tap_notes_it_for_today(member_client, member, walk):
    response = member_client.post(_url(walk), {"note": ""}, follow=True)
    done = open_row(Done.objects.get(owner=member))
    assert done.day == today_for(member)
    assert done.activity == walk
    assert done.label == "Go for a short walk"
    assert "Noted. Well done for making the time." in response.content.decode()


def test_a_second_tap_the_same_day_does_not_count_twice(member_client, member, walk):
    member_client.post(_url(walk))
    response = member_client.post(_url(walk), follow=True)
    assert Done.objects.filter(owner=member).count() == 1
    assert "already noted for today" in response.content.decode()


def test_it_counts_twice_when_the_member_says_it_was_again(member_client, member, walk):
    member_client.post(_url(walk))
    member_client.post(_url(walk), {"again": "on"})
    assert Done.objects.filter(owner=member).count() == 2


def test_a_note_is_kept(member_client, member, tomatoes):
    member_client.post(_url(tomatoes), {"note": "They are nearly red."})
    assert open_row(Done.objects.get(owner=member)).note == "They are nearly red."


def test_a_note_too_long_is_shown_back_and_nothing_is_lost(member_client, member, walk):
    long = "lovely " * 60
    response = member_client.post(_url(walk), {"note": long})
    page = response.content.decode()
    assert response.status_code == 200
    assert "longer than this box can hold" in page
    assert long.strip() in page
    assert not Done.objects.exists()


def test_the_day_is_the_members_own_across_midnight(member_client, member, walk, monkeypatch):
    member.timezone = "Pacific/Auckland"
    member.save()
    # Sunday 12:30 in London and UTC is already Monday 01:30 in Auckland.
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime(2026, 3, 1, 12, 30, tzinfo=UTC)
    )
    member_client.post(_url(walk))
    assert Done.objects.get(owner=member).day.isoformat() == "2026-03-02"


def test_risk_in_a_note_is_saved_and_heard(member_client, member, walk):
    response = member_client.post(_url(walk), {"note": RISK}, follow=True)
    assert open_row(Done.objects.get(owner=member)).note == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    panel = html.one(response, "#safety-panel")
    assert "Your words are saved." in html.words(panel)


def test_a_tap_must_be_posted(member_client, walk):
    assert member_client.get(_url(walk)).status_code == 405
