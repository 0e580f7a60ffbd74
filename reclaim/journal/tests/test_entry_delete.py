from django.urls import reverse

from reclaim.journal.models import Entry


def _url(entry) -> str:
    return reverse("journal:delete", args=[entry.pk])


def test_it_asks_before_deleting(member_client, entry):
    response = member_client.get(_url(entry))
    assert response.status_code == 200
    assert "Delete this entry?" in response.content.decode()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_it_deletes_on_post(member_client, entry):
    response = member_client.post(_url(entry))
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:list")
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_it_rejects_other_members_entry(other_client, entry):
    assert other_client.get(_url(entry)).status_code == 404
    assert other_client.post(_url(entry)).status_code == 404
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, entry):
    assert client.post(_url(entry))["Location"].startswith(reverse("account_login"))
    assert client.get(_url(entry))["Location"].startswith(reverse("account_login"))
    assert Entry.objects.filter(pk=entry.pk).exists()
