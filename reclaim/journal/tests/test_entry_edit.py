import time

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.journal.actions import do_save_draft
from reclaim.journal.models import BODY_LIMIT, Draft, Entry
from reclaim.testing import html
from reclaim.vault.fields import open_row


def _url(entry) -> str:
    return reverse("journal:edit", args=[entry.pk])


def test_it_opens_with_the_entrys_words(member_client, entry):
    response = member_client.get(_url(entry))
    assert response.status_code == 200
    assert html.title(response).startswith("Entry ·")
    assert html.values(response, "title") == ["Low tide"]
    assert html.values(response, "body")[0].startswith("The tide went out")
    assert str(entry.pk) in html.values(response, "entry")


def test_it_saves_changes(member_client, entry):
    response = member_client.post(
        _url(entry), {"title": "High tide", "body": "It came back in.", "tags": "sea"}
    )
    assert response.status_code == 302
    entry = open_row(Entry.objects.get(pk=entry.pk))
    assert (entry.title, entry.body, entry.tags) == ("High tide", "It came back in.", ["sea"])


def test_it_opens_an_unsaved_change_instead_of_the_saved_words(member_client, member, entry):
    do_save_draft(member, {"title": "Low tide", "body": "half changed"}, entry)
    page = member_client.get(_url(entry)).content.decode()
    assert "half changed" in page
    assert "Discard the changes" in page


def test_too_many_words_keep_the_change_as_a_draft(member_client, member, entry):
    words = "c" * (BODY_LIMIT + 1)
    response = member_client.post(_url(entry), {"title": "Low tide", "body": words})
    assert response.status_code == 200
    assert words in response.content.decode()
    assert open_row(Entry.objects.get(pk=entry.pk)).body.startswith("The tide")
    assert open_row(Draft.objects.get(owner=member, entry=entry)).body == words[:BODY_LIMIT]


def test_a_change_posted_after_the_idle_lock_is_kept(member_client, member, entry):
    member.autolock_minutes = 1
    member.save()
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 3600
    session.save()
    response = member_client.post(
        _url(entry), {"entry": str(entry.pk), "title": "Low tide", "body": "rewritten at night"}
    )
    assert response["Location"].startswith(reverse("account_login"))
    again = Client()
    again.login(username="member", password=PASSWORD)
    assert "rewritten at night" in again.get(_url(entry)).content.decode()


def test_it_rejects_other_members_entry(other_client, entry):
    assert other_client.get(_url(entry)).status_code == 404
    response = other_client.post(_url(entry), {"body": "taken over"})
    assert response.status_code == 404
    assert open_row(Entry.objects.get(pk=entry.pk)).body.startswith("The tide")
    assert not Draft.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, entry):
    response = client.post(_url(entry), {"body": "x"})
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get(_url(entry))["Location"].startswith(reverse("account_login"))
