"""Coming back to a parked thought: look, write what you think now, rest, re-park or delete."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html
from reclaim.toolkit.calm.models import Thought
from reclaim.vault.fields import open_row


def url(name, thought):
    return reverse(f"calm:{name}", args=[thought.pk])


def test_a_ready_thought_shows_its_words(member_client, ready):
    page = member_client.get(url("thought", ready)).content.decode()
    assert ready.text in page and "ready since" in page
    assert "Save and put it to rest" in page


def test_a_waiting_thought_keeps_its_words_folded_away(member_client, waiting):
    main = html.main(member_client.get(url("thought", waiting)))
    assert "waiting until" in html.words(main)
    (folded,) = html.select(main, "details")
    assert not folded.has_attr("open")
    assert html.words(folded.summary) == "Show what I wrote"


def test_writing_what_i_think_now_and_putting_it_to_rest(member_client, ready):
    response = member_client.post(
        url("thought", ready), {"now": "It feels smaller tonight.", "then": "done"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("calm:index")
    ready.refresh_from_db()
    open_row(ready)
    assert ready.now == "It feels smaller tonight."
    assert b"smaller" not in bytes(ready.now_sealed)
    assert ready.done is not None
    page = member_client.get(reverse("calm:index")).content.decode()
    assert "Saved, and put to rest." in page
    assert "ready when you are" not in page


def test_writing_what_i_think_now_can_keep_it_open(member_client, ready):
    response = member_client.post(url("thought", ready), {"now": "Still big.", "then": "keep"})
    assert response["Location"] == url("thought", ready)
    ready.refresh_from_db()
    open_row(ready)
    assert ready.now == "Still big." and ready.done is None
    assert "Still big." in member_client.get(url("thought", ready)).content.decode()


def test_an_empty_answer_gets_a_kind_message(member_client, ready):
    page = member_client.post(url("thought", ready), {"now": "", "then": "done"}).content.decode()
    assert "This one needs a few words." in page
    ready.refresh_from_db()
    assert ready.done is None


def test_a_very_long_answer_keeps_the_words(member_client, ready):
    words = "and then " * 700
    page = member_client.post(url("thought", ready), {"now": words}).content.decode()
    assert "Could you shorten it? Your words are still here." in page
    assert words.strip() in page


def test_putting_it_to_rest_without_writing(member_client, ready):
    assert member_client.post(url("thought_done", ready)).status_code == 302
    ready.refresh_from_db()
    assert ready.done is not None
    assert member_client.get(url("thought_done", ready)).status_code == 405


def test_parking_it_again_sets_a_new_time_and_a_new_reminder(member_client, member, ready):
    Thought.objects.filter(pk=ready.pk).update(emailed=timezone.now(), done=timezone.now())
    assert "Park it again" in member_client.get(url("thought_repark", ready)).content.decode()
    response = member_client.post(url("thought_repark", ready), {"when": "later"})
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.due > timezone.now() + timedelta(hours=2)
    assert ready.done is None and ready.emailed is None
    assert "Parked again until" in member_client.get(reverse("calm:index")).content.decode()


def test_parking_it_again_in_the_past_is_refused_kindly(member_client, member, ready):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = member_client.post(
        url("thought_repark", ready), {"when": "choose", "day": yesterday, "time": "09:00"}
    ).content.decode()
    assert "That time has already passed." in page
    before = ready.due
    ready.refresh_from_db()
    assert ready.due == before


def test_deleting_a_thought(member_client, member, ready):
    assert (
        "Delete this thought?" in member_client.get(url("thought_delete", ready)).content.decode()
    )
    assert member_client.post(url("thought_delete", ready)).status_code == 302
    assert not Thought.objects.filter(owner=member).exists()
