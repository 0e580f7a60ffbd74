import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from reclaim.assessments import actions, tasks
from reclaim.assessments.instruments import all_instruments
from reclaim.assessments.models import Reminder, ReminderPreference
from reclaim.testing import html


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def opt_in_to_email(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    actions.do_set_reminder_preference(user, in_app=True, by_email=True)


def test_a_result_older_than_its_interval_makes_one_in_app_reminder(member, member_client):
    result = actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    reminder = Reminder.objects.get(owner=member)
    assert reminder.result == result
    page = member_client.get(reverse("assessments:index")).content.decode()
    assert (
        "been two weeks since you last did the mood and energy questionnaire. Whenever you" in page
    )


def test_a_recent_result_makes_no_reminder(member):
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(13))
    actions.do_save_result(member, "pcl5", [1] * 20, taken=days_ago(27))
    tasks.make_reminders()
    assert not Reminder.objects.exists()


def test_only_the_latest_result_of_a_questionnaire_is_reminded_about(member):
    actions.do_save_result(member, "gad7", [1] * 7, taken=days_ago(60))
    latest = actions.do_save_result(member, "gad7", [1] * 7, taken=days_ago(20))
    tasks.make_reminders()
    assert list(Reminder.objects.values_list("result_id", flat=True)) == [latest.id]


def test_a_second_run_makes_and_sends_nothing_new(member, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "who5", [3] * 5, taken=days_ago(30))
    tasks.make_reminders()
    tasks.make_reminders()
    assert Reminder.objects.count() == 1
    assert len(mailoutbox) == 1


def test_no_e_mail_unless_the_member_opted_in(member, mailoutbox):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    assert Reminder.objects.count() == 1
    assert mailoutbox == []


def test_the_e_mail_is_neutral_and_names_nothing(member, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "pcl5", [3] * 20, taken=days_ago(40))
    tasks.make_reminders()
    [message] = mailoutbox
    assert message.subject == "A reminder"
    assert message.to == [member.email]
    text = f"{message.subject}\n{message.body}\n{message.from_email}".lower()
    assert "you asked us to remind you. sign in when it suits you." in text
    assert "http://localhost:8000/check/" in text
    assert "reclaim" not in text
    for instrument in all_instruments():
        for name in (instrument.name, instrument.short_name, instrument.plain_name):
            assert name.lower() not in text
    assert not re.search(r"\d+ out of|score|band|stress|mood|trauma|betray|partner", text)
    assert "60" not in text


def test_an_e_mail_is_not_sent_if_the_member_changed_their_mind(member, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    [owed] = actions.do_make_due_reminders()
    actions.do_set_reminder_preference(member, in_app=True, by_email=False)
    assert actions.do_send_reminder_email(owed) is False
    assert mailoutbox == []


def test_an_e_mail_goes_at_most_once_however_often_it_is_asked_for(member, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    [owed] = actions.do_make_due_reminders()
    assert actions.do_send_reminder_email(owed) is True
    assert actions.do_send_reminder_email(owed) is False
    assert len(mailoutbox) == 1
    assert Reminder.objects.get(pk=owed).emailed is not None


def test_taking_it_again_puts_the_reminder_away(member, member_client):
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    actions.do_save_result(member, "phq9", [1] * 9)
    assert Reminder.objects.get(owner=member).closed is not None
    assert (
        "since you last did" not in member_client.get(reverse("assessments:index")).content.decode()
    )


def test_not_now_puts_the_reminder_away(member, member_client):
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    reminder = Reminder.objects.get(owner=member)
    response = member_client.post(reverse("assessments:close_reminder", args=[reminder.id]))
    assert response.status_code == 302
    reminder.refresh_from_db()
    assert reminder.closed is not None


def test_another_member_cannot_put_away_a_reminder(member, other_client):
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    reminder = Reminder.objects.get(owner=member)
    response = other_client.post(reverse("assessments:close_reminder", args=[reminder.id]))
    assert response.status_code == 404
    reminder.refresh_from_db()
    assert reminder.closed is None


def test_anonymous_visitors_cannot_put_away_a_reminder(member, client):
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    reminder = Reminder.objects.get(owner=member)
    response = client.post(reverse("assessments:close_reminder", args=[reminder.id]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_in_app_reminders_can_be_turned_off(member, member_client):
    ReminderPreference.objects.create(owner=member, in_app=False)
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    assert (
        "since you last did" not in member_client.get(reverse("assessments:index")).content.decode()
    )


def test_another_members_reminders_never_show(member, other_client):
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    assert (
        "since you last did" not in other_client.get(reverse("assessments:index")).content.decode()
    )


def test_switched_off_questionnaires_make_no_reminders(member):
    actions.do_save_result(member, "dar5", [2] * 5, taken=days_ago(60))
    tasks.make_reminders()
    assert not Reminder.objects.exists()


@pytest.mark.parametrize(
    "days, words",
    [
        (15, "two weeks"),
        (24, "three weeks"),
        (30, "four weeks"),
        (50, "over a month"),
        (200, "a while"),
    ],
)
def test_the_reminder_says_roughly_how_long_it_has_been(member, member_client, days, words):
    actions.do_save_result(member, "who5", [3] * 5, taken=days_ago(days))
    tasks.make_reminders()
    page = member_client.get(reverse("assessments:index")).content.decode()
    assert f"been {words} since you last did the well-being questionnaire" in page


def test_the_job_is_an_hourly_periodic_task():
    job = tasks.make_reminders.task_class()
    assert job.validate_datetime(timezone.now().replace(minute=0))
    assert not job.validate_datetime(timezone.now().replace(minute=30))


def test_the_e_mail_links_to_the_reminder_choices_it_mentions(member, member_client, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    tasks.make_reminders()
    [message] = mailoutbox
    assert "You can stop these e-mails under Reminders, after signing in:" in message.body
    assert "http://localhost:8000/check/#reminder-settings" in message.body
    page = member_client.get("/check/")
    # The e-mail's #reminder-settings lands on the Reminders heading and its form.
    assert html.words(html.one(page, "#reminder-settings")) == "Reminders"
    settings_form = html.section(page, "Reminders")
    assert [form["action"] for form in html.select(settings_form, "form")] == [
        reverse("assessments:reminder_settings")
    ]


def test_links_use_the_site_address_never_localhost(member, mailoutbox, settings):
    settings.RECLAIM_SITE_URL = "https://notes.example.org/"
    opt_in_to_email(member)
    actions.do_save_result(member, "gad7", [1] * 7, taken=days_ago(15))
    tasks.make_reminders()
    [message] = mailoutbox
    assert "https://notes.example.org/check/\n" in message.body
    assert "https://notes.example.org/check/#reminder-settings" in message.body
    assert "localhost" not in message.body


def test_an_e_mail_whose_job_was_lost_goes_with_the_next_scan_and_only_once(member, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "phq9", [1] * 9, taken=days_ago(15))
    # The reminder is made, but its e-mail job dies with a killed worker.
    [owed] = actions.do_make_due_reminders()
    assert mailoutbox == []
    tasks.make_reminders()
    assert len(mailoutbox) == 1
    tasks.make_reminders()
    assert len(mailoutbox) == 1
    assert Reminder.objects.get(pk=owed).emailed is not None


def test_a_worker_that_starts_sends_what_is_owed_at_once(member, mailoutbox):
    opt_in_to_email(member)
    actions.do_save_result(member, "who5", [3] * 5, taken=days_ago(30))
    actions.do_make_due_reminders()
    tasks._scan_when_the_worker_starts()
    assert len(mailoutbox) == 1
