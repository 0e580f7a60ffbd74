"""Deleting one questionnaire result: asked first, then gone at once."""

from __future__ import annotations

from django.urls import reverse

from reclaim.assessments.actions import do_save_result
from reclaim.assessments.models import Result
from reclaim.testing.access import assert_hidden_from


def _url(result) -> str:
    return reverse("assessments:result_delete", args=[result.pk])


def test_the_result_page_offers_to_delete_it(member_client, member):
    result = do_save_result(member, "gad7", [1] * 7)
    page = member_client.get(reverse("assessments:result", args=[result.pk]))
    assert _url(result).encode() in page.content


def test_it_asks_first_and_deletes_nothing_on_get(member_client, member):
    result = do_save_result(member, "gad7", [1] * 7, note="A hard week.")
    response = member_client.get(_url(result))
    assert response.status_code == 200
    assert b"Delete this result?" in response.content
    assert b"cannot be undone" in response.content
    assert Result.objects.filter(pk=result.pk).exists()


def test_the_owner_deletes_it_and_the_page_says_so(member_client, member):
    result = do_save_result(member, "gad7", [1] * 7)
    kept = do_save_result(member, "gad7", [2] * 7)
    response = member_client.post(_url(result), follow=True)
    assert not Result.objects.filter(pk=result.pk).exists()
    assert Result.objects.filter(pk=kept.pk).exists()
    assert b"That result is deleted." in response.content
    assert response.redirect_chain[-1][0] == reverse("assessments:history", args=["gad7"])


def test_it_shows_another_members_result_to_no_one_and_deletes_nothing(other_client, member):
    result = do_save_result(member, "gad7", [1] * 7)
    assert_hidden_from(other_client, [_url(result)], {})
    assert Result.objects.filter(pk=result.pk).exists()


def test_a_practitioner_gets_404_and_nothing_is_deleted(practitioner_client, member):
    result = do_save_result(member, "gad7", [1] * 7)
    assert practitioner_client.get(_url(result)).status_code == 404
    assert practitioner_client.post(_url(result)).status_code == 404
    assert Result.objects.filter(pk=result.pk).exists()


def test_a_signed_out_visitor_is_sent_to_sign_in(client, member):
    result = do_save_result(member, "gad7", [1] * 7)
    response = client.post(_url(result))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert Result.objects.filter(pk=result.pk).exists()
