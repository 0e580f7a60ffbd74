import json

from django.test import Client
from django.urls import reverse

from reclaim.journal.models import Draft
from reclaim.vault.fields import open_row

URL = reverse("journal:draft")


def test_it_keeps_the_form_as_a_sealed_draft(member_client, member):
    response = member_client.post(
        URL, {"title": "Quiet", "body": "unsaved words about the harbour", "tags": "sea"}
    )
    assert response.status_code == 204
    draft = open_row(Draft.objects.get(owner=member, entry=None))
    assert (draft.title, draft.body, draft.tags) == (
        "Quiet",
        "unsaved words about the harbour",
        ["sea"],
    )
    raw = Draft.objects.filter(pk=draft.pk).values_list("body_sealed", flat=True).get()
    assert b"harbour" not in bytes(raw)


def test_the_new_page_offers_the_draft_back(member_client):
    member_client.post(URL, {"body": "words the autosave kept"})
    assert "words the autosave kept" in member_client.get(reverse("journal:new")).content.decode()


def test_it_accepts_json(member_client, member):
    response = member_client.post(
        URL,
        json.dumps({"body": "sent as json", "tags": ["a", "b"], "prompt": "grief-01"}),
        content_type="application/json",
    )
    assert response.status_code == 204
    draft = open_row(Draft.objects.get(owner=member))
    assert (draft.body, draft.tags, draft.prompt) == ("sent as json", ["a", "b"], "grief-01")


def test_bad_json_is_refused(member_client):
    assert member_client.post(URL, "[1, 2", content_type="application/json").status_code == 400
    assert member_client.post(URL, "[1, 2]", content_type="application/json").status_code == 400


def test_it_needs_the_forms_csrf_token(member, member_client):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(URL, {"body": "no token"}).status_code == 403
    page = strict.get(reverse("journal:new")).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = strict.post(URL, {"body": "with token"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 204


def test_saving_again_updates_the_one_draft(member_client, member):
    member_client.post(URL, {"body": "one"})
    member_client.post(URL, {"body": "one two"})
    assert open_row(Draft.objects.get(owner=member)).body == "one two"


def test_an_emptied_form_lets_the_draft_go(member_client, member):
    member_client.post(URL, {"body": "one"})
    assert member_client.post(URL, {"title": "", "body": ""}).status_code == 204
    assert not Draft.objects.exists()


def test_a_draft_of_an_edit_belongs_to_its_entry(member_client, member, entry):
    member_client.post(URL, {"entry": str(entry.pk), "title": "Low tide", "body": "edited"})
    assert Draft.objects.get(owner=member).entry == entry


def test_it_rejects_other_members_entry(other_client, entry):
    response = other_client.post(URL, {"entry": str(entry.pk), "body": "not mine"})
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_a_malformed_entry_id_is_not_found(member_client):
    assert member_client.post(URL, {"entry": "not-a-uuid", "body": "x"}).status_code == 404


def test_it_only_accepts_post(member_client):
    assert member_client.get(URL).status_code == 405


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.post(URL, {"body": "x"})
    assert response["Location"].startswith(reverse("account_login"))
    assert not Draft.objects.exists()


def test_an_autosave_that_arrives_after_the_idle_lock_is_still_kept(member_client, member):
    import time

    member.autolock_minutes = 1
    member.save()
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 3600
    session.save()
    response = member_client.post(URL, {"body": "the last few words"})
    assert response["Location"].startswith(reverse("account_login"))
    assert open_row(Draft.objects.get(owner=member)).body == "the last few words"


def test_a_two_megabyte_draft_keeps_only_what_one_entry_holds_and_says_so(member_client, member):
    from reclaim.journal.forms import TAG_LIMIT, TAGS_PER_ENTRY
    from reclaim.journal.models import BODY_LIMIT, TITLE_LIMIT

    body = "w" * 2_000_000
    tags = ",".join(f"tag{n}" + "x" * 60 for n in range(40))
    response = member_client.post(URL, {"title": "t" * 1000, "body": body, "tags": tags})
    assert response.status_code == 413
    draft = open_row(Draft.objects.get(owner=member))
    assert draft.body == body[:BODY_LIMIT]
    assert len(draft.title) == TITLE_LIMIT
    assert len(draft.tags) == TAGS_PER_ENTRY
    assert all(len(tag) <= TAG_LIMIT for tag in draft.tags)


def test_a_draft_loses_its_bidi_controls(member_client, member):
    member_client.post(
        URL,
        json.dumps({"title": "Qu\u202eiet", "body": "sea\u2067 air", "tags": ["a\u200fb"]}),
        content_type="application/json",
    )
    draft = open_row(Draft.objects.get(owner=member))
    assert (draft.title, draft.body, draft.tags) == ("Quiet", "sea air", ["ab"])
