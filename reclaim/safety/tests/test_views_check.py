"""The short safety check in the urgent panel, and the page its answers lead to."""

import pytest
from django.urls import reverse

from reclaim.safety import actions
from reclaim.safety.models import RiskEvent
from reclaim.safety.response import SESSION_KEY
from reclaim.testing import html
from reclaim.vault.fields import open_row


@pytest.fixture
def urgent(member, member_client):
    event = actions.do_record_risk(
        member, source="journal", level="urgent", categories={"suicide"}, reasons=("test",)
    )
    session = member_client.session
    session[SESSION_KEY] = str(event.pk)
    session.save()
    return event


def answer(client, event, **answers):
    data = {"safety-event": event.pk}
    data.update({f"safety-{name}": value for name, value in answers.items()})
    return client.post(reverse("safety:check"), data)


def first_call(page) -> str:
    """The first number the page's main part offers to call."""
    return [href for href in html.hrefs(html.main(page)) if href.startswith("tel:")][0]


def test_thinking_about_it_now_shows_the_emergency_number_first_with_plain_steps(
    member_client, urgent
):
    response = answer(member_client, urgent, thinking="yes", safe="yes")
    assert response.status_code == 302
    page = member_client.get(response["Location"])
    text = html.words(html.main(page))
    assert first_call(page) == "tel:999"
    assert "Call 999 now" in text
    assert "move away from anything you could use to hurt yourself" in text
    assert "Stay with someone" in text


def test_not_being_safe_shows_the_emergency_number_first(member_client, urgent):
    response = answer(member_client, urgent, thinking="no", safe="no")
    page = member_client.get(response["Location"])
    text = html.words(html.main(page))
    assert first_call(page) == "tel:999"
    assert "Let's get you help now" in text


def test_not_sure_shows_someone_to_talk_to_first(member_client, urgent):
    response = answer(member_client, urgent, thinking="unsure", safe="yes")
    page = member_client.get(response["Location"])
    assert first_call(page) == "tel:116123"
    assert "tel:999" in html.hrefs(html.main(page))
    assert html.select(page, "#grounding")


def test_safe_and_not_thinking_about_it_shows_lines_plan_and_grounding(member_client, urgent):
    response = answer(member_client, urgent, thinking="no", safe="yes")
    page = member_client.get(response["Location"])
    text = html.words(html.main(page))
    assert "glad you are safe" in text
    assert first_call(page) == "tel:116123"
    assert reverse("safety:plan") in html.hrefs(html.main(page))
    assert html.select(page, "#grounding")
    assert "move away from anything" not in text


def test_skipping_both_questions_still_shows_help(member_client, urgent):
    response = answer(member_client, urgent)
    page = member_client.get(response["Location"])
    assert first_call(page) == "tel:116123"
    assert "tel:999" in html.hrefs(html.main(page))


def test_danger_at_home_not_safe_shows_the_way_out_not_self_harm_steps(member, member_client):
    event = actions.do_record_risk(
        member, source="journal", level="urgent", categories={"abuse"}, reasons=()
    )
    response = answer(member_client, event, safe="no")
    page = member_client.get(response["Location"])
    text = html.words(html.main(page))
    assert first_call(page) == "tel:999"
    assert "go somewhere safer" in text
    assert "tel:08082000247" in html.hrefs(html.main(page))
    assert "hurt yourself" not in text


def test_the_answers_are_kept_sealed_and_the_panel_closes(member_client, urgent):
    answer(member_client, urgent, thinking="no", safe="yes")
    event = open_row(RiskEvent.objects.get(pk=urgent.pk))
    assert event.safety_check["thinking"] == "no"
    assert event.safety_check["safe"] == "yes"
    assert b"thinking" not in bytes(event.answer_sealed)
    assert event.acknowledged is not None
    assert SESSION_KEY not in member_client.session
    settings_page = member_client.get(reverse("accounts:settings"))
    assert not html.select(settings_page, "#safety-panel")


def test_an_unknown_answer_counts_as_no_answer_and_still_shows_help(member_client, urgent):
    response = answer(member_client, urgent, thinking="maybe", safe="yes")
    assert response.status_code == 302
    urgent.refresh_from_db()
    open_row(urgent)
    assert urgent.safety_check["thinking"] == ""
    assert urgent.safety_check["safe"] == "yes"
    page = member_client.get(response["Location"])
    assert "tel:116123" in html.hrefs(html.main(page))


def test_a_mangled_event_id_is_not_found(member_client):
    response = member_client.post(reverse("safety:check"), {"safety-event": "nope"})
    assert response.status_code == 404


def test_answering_for_another_members_moment_is_not_found(other_client, urgent):
    response = answer(other_client, urgent, thinking="no", safe="yes")
    assert response.status_code == 404
    urgent.refresh_from_db()
    open_row(urgent)
    assert urgent.safety_check is None


def test_another_member_cannot_see_the_result_page(other_client, member_client, urgent):
    answer(member_client, urgent, thinking="no", safe="yes")
    url = reverse("safety:check_result", args=[urgent.pk])
    assert other_client.get(url).status_code == 404


def test_the_check_needs_sign_in(client, urgent):
    response = client.post(reverse("safety:check"), {"safety-event": urgent.pk})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    result = client.get(reverse("safety:check_result", args=[urgent.pk]))
    assert result.status_code == 302


def test_the_check_is_only_posted(member_client):
    assert member_client.get(reverse("safety:check")).status_code == 405


def test_the_result_page_title_is_neutral(member_client, urgent):
    response = answer(member_client, urgent, thinking="yes")
    page = member_client.get(response["Location"])
    assert html.title(page).startswith("Help ·")
