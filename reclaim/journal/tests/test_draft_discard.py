from django.urls import reverse

from reclaim.journal.actions import do_save_draft
from reclaim.journal.models import Draft


def _url(draft) -> str:
    return reverse("journal:discard_draft", args=[draft.pk])


def test_it_lets_a_draft_go_and_goes_back_to_the_journal(member_client, member):
    draft = do_save_draft(member, {"body": "let it go"})
    response = member_client.post(_url(draft))
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:list")
    assert not Draft.objects.exists()


def test_it_can_go_on_to_a_chosen_prompt(member_client, member):
    draft = do_save_draft(member, {"body": "let it go"})
    target = reverse("journal:new") + "?prompt=hope-02"
    assert member_client.post(_url(draft), {"next": target})["Location"] == target


def test_it_never_leads_off_the_site(member_client, member):
    draft = do_save_draft(member, {"body": "let it go"})
    response = member_client.post(_url(draft), {"next": "https://example.com/"})
    assert response["Location"] == reverse("journal:list")


def test_it_needs_post(member_client, member):
    draft = do_save_draft(member, {"body": "keep me"})
    assert member_client.get(_url(draft)).status_code == 405
    assert Draft.objects.exists()


def test_it_rejects_other_members_draft(other_client, member):
    draft = do_save_draft(member, {"body": "keep me"})
    assert other_client.post(_url(draft)).status_code == 404
    assert Draft.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, member):
    draft = do_save_draft(member, {"body": "keep me"})
    assert client.post(_url(draft))["Location"].startswith(reverse("account_login"))
    assert Draft.objects.exists()
