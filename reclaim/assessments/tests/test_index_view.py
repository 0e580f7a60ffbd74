from datetime import timedelta

from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from reclaim.assessments import actions
from reclaim.assessments.demo import seed_results
from reclaim.assessments.models import ReminderPreference
from reclaim.testing import html

from .conftest import count_queries, page_title

URL = "/check/"


def test_the_prefix_is_neutral():
    assert reverse("assessments:index") == URL


def _headings(main) -> list[str]:
    """The questionnaires' names, as headings a member scans down the page."""
    return [html.words(heading) for heading in html.select(main, "h2")]


def test_it_lists_the_enabled_questionnaires_in_plain_words(member_client):
    main = html.main(member_client.get(URL))
    listed = _headings(main)
    for plain in (
        "Mood and energy",
        "Worry",
        "Stress reactions",
        "Well-being",
        "Self-kindness",
        "Self-esteem",
    ):
        assert plain in listed
    text = html.words(main)
    assert "Nine questions about your mood" in text
    assert "9 questions · about 2 minutes" in text
    assert "Bouncing back" not in text
    assert "Anger reactions" not in listed


def test_operator_enabled_questionnaires_are_listed_too(member_client, settings):
    settings.RECLAIM_ENABLED_INSTRUMENTS = ["brs", "dar5"]
    listed = _headings(html.main(member_client.get(URL)))
    assert "Bouncing back" in listed
    assert "Anger reactions" in listed


def test_it_shows_when_each_was_last_taken_and_when_to_come_back(member_client, member):
    taken = timezone.now() - timedelta(days=3)
    actions.do_save_result(member, "phq9", [1] * 9, taken=taken)
    page = member_client.get(URL).content.decode()
    local = timezone.localtime(taken, member.zone)
    again = timezone.localtime(taken + timedelta(days=14), member.zone)
    assert f"Last time: {local.day} {local:%B %Y}" in page
    assert f"around {again.day} {again:%B %Y}" in page
    assert "Take it again" in page
    assert reverse("assessments:history", args=["phq9"]) in page


def test_a_questionnaire_in_progress_offers_to_carry_on(member_client, member):
    actions.do_save_answers(member, "gad7", {1: 2})
    assert "Carry on" in member_client.get(URL).content.decode()


def test_e_mail_reminders_are_only_offered_with_a_verified_address(member_client, member):
    assert html.select(member_client.get(URL), '[name="by_email"]') == []
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    assert html.label_for(member_client.get(URL), "by_email")


def test_a_member_can_opt_in_to_e_mail_reminders(member_client, member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    response = member_client.post(
        reverse("assessments:reminder_settings"), {"in_app": "on", "by_email": "on"}
    )
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(owner=member)
    assert preference.by_email and preference.in_app


def test_e_mail_cannot_be_switched_on_without_a_verified_address(member_client, member):
    member_client.post(reverse("assessments:reminder_settings"), {"by_email": "on"})
    preference = ReminderPreference.objects.get(owner=member)
    assert not preference.by_email
    assert not preference.in_app


def test_the_title_is_neutral(member_client):
    assert page_title(member_client.get(URL)).startswith("Questionnaires")


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for response in (client.get(URL), client.post(reverse("assessments:reminder_settings"))):
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_another_members_results_never_show(other_client, member):
    actions.do_save_result(member, "phq9", [1] * 9)
    page = other_client.get(URL).content.decode()
    assert "Last time" not in page
    assert "Take it again" not in page


def test_its_queries_do_not_grow_with_history(member_client, member):
    empty = count_queries(member_client, URL)
    seed_results(member)  # Fifty results over two years.
    actions.do_save_answers(member, "gad7", {1: 1})
    full = count_queries(member_client, URL)
    assert full == empty
    # About seven are the session, the member and session tracking; five are ours.
    assert full <= 12
