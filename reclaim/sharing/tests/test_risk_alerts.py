"""Risk alerts: only when the member switched them on; that and when, never the words."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse

from conftest import _make_user, _with_totp
from reclaim.practice.tests.makers import make_profile
from reclaim.safety import response
from reclaim.sharing import actions
from reclaim.sharing.models import RiskAlert
from reclaim.testing.html import words

from .makers import connect

# Plain words of urgent risk, as a member might write them at night.
URGENT = "I have the pills counted out and I am going to take them all tonight."
ORDINARY = "We walked to the park and the children fed the ducks."


def _alerts_on(connection, on: bool = True) -> None:
    actions.do_set_switches(
        connection, results=(), answers=(), trends=False, safety_plan=False, risk_alerts=on
    )


def _write(member_client, body: str, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response_ = member_client.post(
            reverse("journal:new"), {"title": "Tonight", "body": body, "tags": ""}
        )
    assert response_.status_code in (200, 302)
    return response_


@pytest.fixture
def connection(member, practitioner):
    make_profile(practitioner, "Sam Rivera", response_hours="Weekdays, 9:00 to 17:00")
    return connect(member, practitioner, "R.")


def test_urgent_words_alert_the_practitioner_with_that_and_when_only(
    member_client, member, connection, practitioner, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    _write(member_client, URGENT, django_capture_on_commit_callbacks)

    alert = RiskAlert.objects.get(connection=connection)
    assert alert.sent is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [practitioner.email]
    whole = message.subject + message.body + str(message.alternatives[0][0])
    # That it happened, when, and where to look; nothing of what was written or who wrote it.
    assert "urgent risk" in message.body
    assert reverse("practice:client", args=[connection.pk]) in message.body
    for said in ("pills", "tonight", "Tonight", "R.", member.email, "journal", "suicide"):
        assert said not in whole
    assert "not an emergency service" in message.body


def test_urgent_words_soon_after_a_moment_kept_before_alerts_were_on_still_alert(
    member_client, connection, django_capture_on_commit_callbacks
):
    # An urgent moment (perhaps a false alarm) kept while alerts were off must
    # not swallow a new entry's urgent words minutes later, once they are on.
    _write(member_client, URGENT, django_capture_on_commit_callbacks)
    _alerts_on(connection)
    _write(
        member_client, "I wrote my goodbye letters. " + URGENT, django_capture_on_commit_callbacks
    )
    assert RiskAlert.objects.filter(connection=connection).count() == 1
    assert len(mail.outbox) == 1


def test_no_alert_without_the_switch(member_client, connection, django_capture_on_commit_callbacks):
    _write(member_client, URGENT, django_capture_on_commit_callbacks)
    assert not RiskAlert.objects.exists()
    assert mail.outbox == []


def test_ordinary_words_alert_no_one(member_client, connection, django_capture_on_commit_callbacks):
    _alerts_on(connection)
    _write(member_client, ORDINARY, django_capture_on_commit_callbacks)
    assert not RiskAlert.objects.exists()
    assert mail.outbox == []


def test_phq9_item_nine_alerts_too(member, connection, django_capture_on_commit_callbacks):
    _alerts_on(connection)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    assert RiskAlert.objects.filter(connection=connection).count() == 1
    assert len(mail.outbox) == 1


def test_an_elevated_moment_is_not_an_alert(member, connection, django_capture_on_commit_callbacks):
    _alerts_on(connection)
    elevated = response.RiskAssessment("elevated", frozenset({"suicide"}), ("wish",))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        response.record(member, elevated, "journal")
    assert not RiskAlert.objects.exists()


def test_only_practitioners_with_the_switch_on_are_alerted(
    member, connection, django_user_model, django_capture_on_commit_callbacks
):
    other = django_user_model.objects.create_user(
        username="other_practitioner", email="other@example.org", role="practitioner"
    )
    quiet = connect(member, other, "R.")
    _alerts_on(connection)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    assert list(RiskAlert.objects.values_list("connection_id", flat=True)) == [connection.pk]
    assert not RiskAlert.objects.filter(connection=quiet).exists()
    assert [m.to for m in mail.outbox] == [[connection.practitioner.email]]


def test_a_second_alert_within_the_hour_is_kept_but_not_emailed(
    member, connection, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    for source in ("assessment", "journal"):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            response.record(member, response.PHQ9_SAFETY_FLAG, source)
    assert RiskAlert.objects.filter(connection=connection).count() == 2
    assert len(mail.outbox) == 1


def test_switched_off_or_disconnected_before_the_mail_leaves_sends_nothing(member, connection):
    _alerts_on(connection)
    with transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    alert = RiskAlert.objects.get()
    _alerts_on(connection, on=False)
    assert actions.do_send_risk_alert(alert.pk) is False
    _alerts_on(connection)
    actions.do_disconnect(connection)
    assert actions.do_send_risk_alert(alert.pk) is False
    assert mail.outbox == []


def test_a_failing_listener_never_loses_the_words(
    member_client, member, connection, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(member, moment):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr("reclaim.core.hooks._urgent_listeners", [broken])
    _write(member_client, URGENT, django_capture_on_commit_callbacks)
    assert member.journal_entries.count() == 1
    assert member.risk_events.count() == 1


def test_the_member_is_told_what_an_alert_says_before_switching_it_on(member_client, connection):
    page = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert "that it happened and when" in page
    assert "never your words" in page.lower()
    assert "not an emergency service" in page
    assert "Weekdays, 9:00 to 17:00" in page


def test_without_response_hours_the_member_is_told_not_to_wait(member, practitioner, client):
    bare = connect(member, practitioner, "R.")
    client.force_login(member)
    page = words(client.get(reverse("sharing:connection", args=[bare.pk])))
    assert "please do not wait for them in an emergency" in page


def test_the_member_switches_alerts_on_in_the_form_and_sees_each_alert(
    member_client, member, connection, django_capture_on_commit_callbacks
):
    url = reverse("sharing:connection", args=[connection.pk])
    saved = member_client.post(url, {"risk_alerts": "on"})
    assert saved.status_code == 302
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    page = words(member_client.get(url))
    assert "Alerts sent to them" in page
    sharing_page = words(member_client.get(reverse("sharing:index")))
    assert "alerts when you may be at risk" in sharing_page


def test_the_practitioner_sees_when_and_nothing_more(
    member, connection, practitioner_client, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    client_page = words(practitioner_client.get(reverse("practice:client", args=[connection.pk])))
    assert "Risk alerts" in client_page
    assert "PHQ-9" not in client_page  # Not the source, and results are not shared.
    listed = words(practitioner_client.get(reverse("practice:clients")))
    assert "Risk alert:" in listed
    # Switched off: gone from both pages on the next load, as every shared part.
    _alerts_on(connection, on=False)
    assert "Risk alert" not in words(
        practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    )
    assert "Risk alert:" not in words(practitioner_client.get(reverse("practice:clients")))


def test_another_member_cannot_switch_alerts_on_for_someone_else(other_client, connection):
    url = reverse("sharing:connection", args=[connection.pk])
    assert other_client.post(url, {"risk_alerts": "on"}).status_code == 404
    assert not connection.grants.exists()


def test_alerts_are_in_the_members_copy(member, connection):
    from reclaim.core import hooks

    _alerts_on(connection)
    with transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    lists = {lst.name: lst for _, _, lists in hooks.export_parts() for lst in lists}
    assert [a.connection_id for a in lists["risk_alerts"].rows(member)] == [connection.pk]


def test_another_clients_alert_in_the_same_hour_is_emailed_all_the_same(
    member, other_member, connection, practitioner, django_capture_on_commit_callbacks
):
    second = connect(other_member, practitioner, "K.")
    _alerts_on(connection)
    _alerts_on(second)
    for someone in (member, other_member):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            response.record(someone, response.PHQ9_SAFETY_FLAG, "assessment")
    assert len(mail.outbox) == 2
    links = {reverse("practice:client", args=[c.pk]) for c in (connection, second)}
    assert {next(link for link in links if link in m.body) for m in mail.outbox} == links


# --- marking alerts seen ------------------------------------------------------


def _alert(member, django_capture_on_commit_callbacks) -> RiskAlert:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        response.record(member, response.PHQ9_SAFETY_FLAG, "assessment")
    return RiskAlert.objects.order_by("-at", "-id")[0]


def _mark_seen(client, connection, until):
    url = reverse("practice:client_alerts_seen", args=[connection.pk])
    return client.post(url, {"until": until.isoformat()})


def test_the_practitioner_marks_alerts_seen_and_the_client_sees_that(
    member, member_client, connection, practitioner_client, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    alert = _alert(member, django_capture_on_commit_callbacks)
    client_url = reverse("practice:client", args=[connection.pk])
    page = words(practitioner_client.get(client_url))
    assert re.search(r"\bnew\b", page) and "Mark as seen" in page
    assert "1 not yet seen" in words(practitioner_client.get(reverse("practice:clients")))

    done = _mark_seen(practitioner_client, connection, alert.at)
    assert done.status_code == 302
    page = words(practitioner_client.get(client_url))
    assert "Marked as seen" in page
    assert "you marked it seen on" in page
    assert "Mark as seen" not in page
    listed = words(practitioner_client.get(reverse("practice:clients")))
    assert "Risk alert:" in listed and "not yet seen" not in listed and "(seen)" in listed
    # The client is told, and nothing more.
    theirs = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert "they marked it seen on" in theirs


def test_an_alert_raised_after_the_page_was_drawn_stays_new(
    member, connection, practitioner_client, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    shown = _alert(member, django_capture_on_commit_callbacks)
    later = RiskAlert.objects.create(connection=connection, at=shown.at + timedelta(minutes=5))
    _mark_seen(practitioner_client, connection, shown.at)
    shown.refresh_from_db()
    later.refresh_from_db()
    assert shown.seen is not None
    assert later.seen is None
    listed = words(practitioner_client.get(reverse("practice:clients")))
    assert "1 not yet seen" in listed


def test_an_alert_too_old_to_be_shown_is_not_marked_seen(
    member, member_client, connection, practitioner_client, django_capture_on_commit_callbacks
):
    # The client reads which alerts were seen: one the page no longer showed
    # must not be reported as looked at.
    _alerts_on(connection)
    shown = _alert(member, django_capture_on_commit_callbacks)
    old = RiskAlert.objects.create(
        connection=connection, at=shown.at - timedelta(days=actions.ALERT_DAYS + 1)
    )
    client_page = words(practitioner_client.get(reverse("practice:client", args=[connection.pk])))
    assert client_page.count("Mark as seen") == 1
    _mark_seen(practitioner_client, connection, shown.at)
    shown.refresh_from_db()
    old.refresh_from_db()
    assert shown.seen is not None
    assert old.seen is None
    theirs = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert theirs.count("they marked it seen on") == 1


def test_only_their_own_practitioner_can_mark_alerts_seen(
    member, member_client, connection, django_user_model, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    alert = _alert(member, django_capture_on_commit_callbacks)
    stranger = Client()
    stranger.force_login(
        _with_totp(_make_user(django_user_model, "stranger", role="practitioner", onboarded=None))
    )
    assert _mark_seen(stranger, connection, alert.at).status_code == 404
    assert _mark_seen(member_client, connection, alert.at).status_code == 404
    alert.refresh_from_db()
    assert alert.seen is None


def test_alerts_switched_off_cannot_be_marked_seen(
    member, connection, practitioner_client, django_capture_on_commit_callbacks
):
    _alerts_on(connection)
    alert = _alert(member, django_capture_on_commit_callbacks)
    _alerts_on(connection, on=False)
    assert _mark_seen(practitioner_client, connection, alert.at).status_code == 302
    alert.refresh_from_db()
    assert alert.seen is None
