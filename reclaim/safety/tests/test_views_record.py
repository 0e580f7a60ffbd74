"""The member's own record of hard moments."""

from django.urls import reverse

from reclaim.safety import actions
from reclaim.safety.models import RiskEvent
from reclaim.testing import html


def make(user, **extra):
    defaults = {"source": "journal", "level": "elevated", "categories": {"suicide"}, "reasons": ()}
    defaults.update(extra)
    return actions.do_record_risk(user, **defaults)


def test_the_record_lists_the_members_moments_in_plain_words(member_client, member):
    make(member)
    event = make(member, source="checkin", level="urgent", categories={"abuse", "suicide"})
    actions.do_answer_safety_check(event, thinking="unsure", safe="yes")
    page = html.words(html.main(member_client.get(reverse("safety:record"))))
    assert "Journal" in page
    assert "Check-in" in page
    assert "A very heavy moment" in page
    assert "A moment when you may have been in danger" in page
    assert "feeling unsafe with someone" in page
    assert "thoughts of not wanting to be alive" in page
    assert "Thinking of ending your life right then: Not sure" in page
    assert "Safe where you were: Yes" in page


def test_the_record_shows_only_the_members_own_moments(member_client, member, other_member):
    make(other_member, source="assessment")
    # The menu names the questionnaires on every page; the record itself must not.
    record = html.words(html.main(member_client.get(reverse("safety:record"))))
    assert "Questionnaire" not in record
    assert "Nothing here." in record


def test_a_member_can_delete_a_moment(member_client, member):
    event = make(member)
    response = member_client.post(reverse("safety:record_delete", args=[event.pk]))
    assert response.status_code == 302
    assert not RiskEvent.objects.filter(pk=event.pk).exists()


def test_another_member_cannot_delete_a_members_moment(member, other_client):
    event = make(member)
    response = other_client.post(reverse("safety:record_delete", args=[event.pk]))
    assert response.status_code == 404
    assert RiskEvent.objects.filter(pk=event.pk).exists()


def test_deleting_asks_first_and_a_get_deletes_nothing(member_client, member):
    event = make(member)
    response = member_client.get(reverse("safety:record_delete", args=[event.pk]))
    assert response.status_code == 200
    assert b"Delete this note?" in response.content
    assert RiskEvent.objects.filter(pk=event.pk).exists()


def test_the_record_needs_sign_in(client, member):
    event = make(member)
    for response in (
        client.get(reverse("safety:record")),
        client.post(reverse("safety:record_delete", args=[event.pk])),
    ):
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    assert RiskEvent.objects.filter(pk=event.pk).exists()


def test_the_record_title_is_neutral_and_not_kept_by_the_browser(member_client, member):
    make(member)
    response = member_client.get(reverse("safety:record"))
    assert html.title(response).startswith("Your record")
    assert "no-store" in response["Cache-Control"]
