"""The panel on the page after a member writes something that sounds like risk."""

import pytest
from bs4 import Tag
from django.urls import reverse

from reclaim.safety import actions
from reclaim.safety.response import SESSION_KEY
from reclaim.testing import html
from reclaim.vault.fields import open_row


def pending(client, user, level, categories, reasons=("test",)):
    event = actions.do_record_risk(
        user, source="journal", level=level, categories=categories, reasons=reasons
    )
    session = client.session
    session[SESSION_KEY] = str(event.pk)
    session.save()
    return event


def panel_of(response) -> Tag:
    """The panel, found by its id whatever its classes."""
    return html.one(response, "#safety-panel")


def hrefs(panel: Tag, scheme: str) -> list[str]:
    """The panel's links of one kind (`tel`, `sms`), in the order a member meets them."""
    return [href for href in html.hrefs(panel) if href.startswith(f"{scheme}:")]


def shown_red(panel: Tag) -> bool:
    """Whether the panel wears the style sheet's strong red frame, kept for a moment of danger."""
    return "panel-danger" in panel.get_attribute_list("class")


def sends_to(panel: Tag) -> list[str]:
    """Where the panel's forms send their answers."""
    return [str(form["action"]) for form in html.select(panel, "form")]


def test_no_panel_without_a_pending_moment(member_client):
    response = member_client.get(reverse("accounts:settings"))
    assert not html.select(response, "#safety-panel")


def test_no_panel_for_someone_signed_out(client, db):
    session = client.session
    session[SESSION_KEY] = "not-a-uuid"
    session.save()
    response = client.get(reverse("safety:help"))
    assert not html.select(response, "#safety-panel")


def test_an_elevated_moment_shows_a_calm_panel_with_the_gb_line(member_client, member):
    pending(member_client, member, "elevated", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert "really heavy right now" in html.words(panel)
    assert "Your words are saved." in html.words(panel)
    assert hrefs(panel, "tel")[0] == "tel:116123"
    assert "I'm OK for now" in html.words(panel)
    assert reverse("safety:plan") in html.hrefs(panel)
    assert reverse("safety:help") + "#grounding" in html.hrefs(panel)
    assert "ending your life right now?" not in html.words(panel)
    assert not shown_red(panel)


def test_an_elevated_moment_in_the_us_shows_988_first(member_client, member):
    member.country = "US"
    member.save()
    pending(member_client, member, "elevated", {"self_harm"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert hrefs(panel, "tel")[0] == "tel:988"
    assert "sms:988" in hrefs(panel, "sms")


def test_an_urgent_moment_in_gb_shows_999_first_then_the_crisis_line(member_client, member):
    pending(member_client, member, "urgent", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    calls = hrefs(panel, "tel")
    assert calls[:2] == ["tel:999", "tel:116123"]
    assert shown_red(panel)
    assert "Are you thinking about ending your life right now?" in html.words(panel)
    assert "Are you safe where you are right now?" in html.words(panel)
    assert reverse("safety:check") in sends_to(panel)
    assert "Your words are saved." in html.words(panel)


def test_an_urgent_moment_in_the_us_offers_one_tap_call_and_text(member_client, member):
    member.country = "US"
    member.save()
    pending(member_client, member, "urgent", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert hrefs(panel, "tel")[:2] == ["tel:911", "tel:988"]
    assert hrefs(panel, "sms")[0] == "sms:988"


def test_danger_from_a_partner_shows_the_abuse_line_and_the_home_safety_page_first(
    member_client, member
):
    pending(member_client, member, "elevated", {"abuse"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert hrefs(panel, "tel")[0] == "tel:08082000247"
    assert reverse("safety:home_safety") in html.hrefs(panel)
    assert "never your fault" in html.words(panel)
    assert "ending your life" not in html.words(panel)


def test_urgent_danger_from_a_partner_puts_the_emergency_number_first(member_client, member):
    pending(member_client, member, "urgent", {"abuse"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert hrefs(panel, "tel")[:2] == ["tel:999", "tel:08082000247"]
    assert "Are you safe where you are right now?" in html.words(panel)
    assert "Are you thinking about ending your life" not in html.words(panel)


def test_anger_gets_a_calm_panel_without_threat_language(member_client, member):
    pending(member_client, member, "elevated", {"harm_to_others"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert "anger" in html.words(panel)
    assert hrefs(panel, "tel")[0] == "tel:116123"
    for word in ("report", "police", "threat", "warning"):
        assert word not in html.words(panel).lower()


def test_the_panel_shows_the_members_plan_when_there_is_one(member_client, member):
    actions.do_save_safety_plan(
        member, {"reasons": ["My dog, Pepper"], "people": ["Sam 07700 900123"]}
    )
    pending(member_client, member, "urgent", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert "My dog, Pepper" in html.words(panel)
    assert "tel:07700900123" in html.hrefs(panel)


def test_the_panel_offers_to_make_a_plan_when_there_is_none(member_client, member):
    pending(member_client, member, "elevated", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert "Make a plan for hard moments" in html.words(panel)


def test_the_panel_stays_until_the_member_answers_or_dismisses(member_client, member):
    pending(member_client, member, "elevated", {"suicide"})
    assert html.select(member_client.get(reverse("accounts:settings")), "#safety-panel")
    assert html.select(member_client.get(reverse("safety:help")), "#safety-panel")


def test_a_country_without_a_file_gets_its_emergency_number(member_client, member):
    member.country = "FR"
    member.save()
    pending(member_client, member, "urgent", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert "call 112 now" in html.words(panel)
    assert "tel:112" in html.hrefs(panel)
    assert "https://findahelpline.com" in html.hrefs(panel)
    assert "Are you thinking about ending your life right now?" in html.words(panel)


def test_a_country_whose_number_is_unknown_is_offered_112_honestly(member_client, member):
    member.country = "AQ"
    member.save()
    pending(member_client, member, "urgent", {"suicide"})
    panel = panel_of(member_client.get(reverse("accounts:settings")))
    assert "call your local emergency number now" in html.words(panel)
    assert "tel:112" in html.hrefs(panel)
    assert "112 works from most mobile phones in many countries" in html.words(panel)


def test_another_members_event_in_the_session_shows_nothing(member_client, other_member):
    event = actions.do_record_risk(
        other_member, source="journal", level="urgent", categories={"suicide"}, reasons=()
    )
    session = member_client.session
    session[SESSION_KEY] = str(event.pk)
    session.save()
    response = member_client.get(reverse("accounts:settings"))
    assert not html.select(response, "#safety-panel")
    assert SESSION_KEY not in member_client.session


# --- I'm OK for now ---------------------------------------------------------------------


def test_dismissing_marks_the_moment_seen_and_closes_the_panel(member_client, member):
    event = pending(member_client, member, "elevated", {"suicide"})
    response = member_client.post(
        reverse("safety:dismiss"), {"event": event.pk, "next": reverse("accounts:settings")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:settings")
    event.refresh_from_db()
    open_row(event)
    assert event.acknowledged is not None
    assert not html.select(member_client.get(reverse("accounts:settings")), "#safety-panel")


def test_dismissing_never_sends_the_member_to_another_site(member_client, member):
    event = pending(member_client, member, "elevated", {"suicide"})
    response = member_client.post(
        reverse("safety:dismiss"), {"event": event.pk, "next": "https://example.com/"}
    )
    assert response["Location"] == "/"


def test_dismissing_another_members_moment_is_not_found(member, other_client):
    event = actions.do_record_risk(
        member, source="journal", level="elevated", categories={"suicide"}, reasons=()
    )
    response = other_client.post(reverse("safety:dismiss"), {"event": event.pk})
    assert response.status_code == 404
    event.refresh_from_db()
    open_row(event)
    assert event.acknowledged is None


def test_dismissing_needs_sign_in(client, member):
    event = actions.do_record_risk(
        member, source="journal", level="elevated", categories={"suicide"}, reasons=()
    )
    response = client.post(reverse("safety:dismiss"), {"event": event.pk})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_dismissing_needs_a_post(member_client):
    assert member_client.get(reverse("safety:dismiss")).status_code == 405


def test_dismissing_without_an_event_is_not_found(member_client):
    assert member_client.post(reverse("safety:dismiss"), {"event": "nope"}).status_code == 404


@pytest.mark.parametrize("kind", ["elevated", "urgent"])
def test_the_page_title_stays_neutral_with_the_panel_open(member_client, member, kind):
    pending(member_client, member, kind, {"suicide"})
    title = html.title(member_client.get(reverse("safety:help")))
    assert "suicide" not in title.lower()
    assert title.startswith("Help")


def test_a_broken_panel_costs_the_panel_never_the_page(member_client, member, monkeypatch):
    from reclaim.safety import response

    pending(member_client, member, "urgent", {"suicide"})

    def broken(request):
        raise RuntimeError("database went away")

    monkeypatch.setattr(response, "pending_event", broken)
    page = member_client.get(reverse("accounts:settings"))
    assert page.status_code == 200
    assert not html.select(page, "#safety-panel")
    assert "Get help now" in html.words(page)


def test_an_ordinary_page_costs_no_query_for_the_panel(member_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        member_client.get(reverse("safety:help"))
    assert not any("safety_riskevent" in q["sql"] for q in captured.captured_queries)
