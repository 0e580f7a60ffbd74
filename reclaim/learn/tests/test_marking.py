"""Keeping one's place, finishing, and un-finishing a lesson: buttons that post."""

import pytest
from django.urls import reverse

from reclaim.learn.queries import progress_of, state_of


def _url(name: str, slug: str) -> str:
    return reverse(f"learn:{name}", args=[slug])


def test_finishing_marks_the_lesson_and_goes_back_to_it(member_client, member, harbour):
    response = member_client.post(_url("finish", "a-quiet-harbour"), follow=True)
    assert (
        response.redirect_chain[-1][0]
        == reverse("learn:lesson", args=["a-quiet-harbour"]) + "#progress"
    )
    assert "Marked as finished." in response.content.decode()
    state = state_of(member, harbour)
    assert state.is_finished
    assert state.started is not None and state.started <= state.finished


def test_keeping_ones_place_marks_it_started(member_client, member, tides):
    response = member_client.post(_url("start", "tide-tables"), follow=True)
    assert "Your place is kept." in response.content.decode()
    assert state_of(member, tides).is_started


def test_marking_not_finished_keeps_it_started(member_client, member, harbour):
    member_client.post(_url("finish", "a-quiet-harbour"))
    response = member_client.post(_url("unfinish", "a-quiet-harbour"), follow=True)
    assert "Marked as not finished." in response.content.decode()
    state = state_of(member, harbour)
    assert state.is_started and not state.is_finished


@pytest.mark.parametrize("name", ["start", "finish", "unfinish"])
def test_an_unknown_lesson_is_not_found_and_nothing_is_kept(member_client, member, name):
    assert member_client.post(_url(name, "no-such-lesson")).status_code == 404
    assert progress_of(member) == {}


@pytest.mark.parametrize("name", ["start", "finish", "unfinish"])
def test_the_buttons_do_nothing_on_a_plain_visit(member_client, member, name):
    assert member_client.get(_url(name, "a-quiet-harbour")).status_code == 405
    assert progress_of(member) == {}


@pytest.mark.parametrize("name", ["start", "finish", "unfinish"])
def test_a_visitor_is_asked_to_sign_in(anon, name):
    response = anon.post(_url(name, "a-quiet-harbour"))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_a_post_without_the_forms_token_is_refused(member, harbour):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(_url("finish", "a-quiet-harbour")).status_code == 403
    assert not state_of(member, harbour).is_finished
