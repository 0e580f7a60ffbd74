"""The e-mail when a parked thought is ready: only if asked, once, on time, and neutral."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from reclaim.toolkit.calm import actions, queries, tasks
from reclaim.toolkit.calm.models import Thought

from .conftest import opt_in_to_email

WORDS = "Is my partner still messaging that person from work?"


def test_an_opted_in_member_gets_one_neutral_e_mail_when_a_thought_is_due(member, park, mailoutbox):
    opt_in_to_email(member)
    thought = park(member, WORDS, in_hours=-0.1)
    assert tasks.send_due_reminders.call_local() == 1
    [message] = mailoutbox
    assert message.subject == "A reminder"
    assert message.to == [member.email]
    assert message.body == (
        "Hello,\n\n"
        "You asked us to remind you. Sign in when it suits you.\n\n"
        "http://localhost:8000/\n\n"
        "You can stop these e-mails in your settings after signing in.\n"
    )
    text = f"{message.subject}\n{message.body}".lower()
    for word in ("partner", "messaging", "thought", "worry", "calm", "tools", "reclaim", "betray"):
        assert word not in text
    thought.refresh_from_db()
    assert thought.emailed is not None


def test_it_is_never_sent_twice(member, park, mailoutbox):
    opt_in_to_email(member)
    thought = park(member, WORDS, in_hours=-0.1)
    tasks.send_due_reminders.call_local()
    tasks.send_due_reminders.call_local()
    assert actions.do_send_reminder([thought.pk]) is False
    assert len(mailoutbox) == 1


def test_it_is_never_sent_before_the_time(member, park, mailoutbox):
    opt_in_to_email(member)
    thought = park(member, WORDS, in_hours=1)
    assert tasks.send_due_reminders.call_local() == 0
    assert actions.do_send_reminder([thought.pk]) is False
    assert actions.do_send_reminder([thought.pk], now=thought.due - timedelta(seconds=1)) is False
    assert mailoutbox == []
    assert actions.do_send_reminder([thought.pk], now=thought.due) is True
    assert len(mailoutbox) == 1


def test_members_who_did_not_opt_in_get_no_e_mail(member, other_member, park, mailoutbox):
    # A confirmed address alone is not a yes.
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    park(member, WORDS, in_hours=-0.1)
    park(other_member, WORDS, in_hours=-0.1)
    assert tasks.send_due_reminders.call_local() == 0
    assert mailoutbox == []


def test_only_opted_in_members_are_e_mailed_when_several_are_due(
    member, other_member, park, mailoutbox
):
    opt_in_to_email(member)
    park(member, WORDS, in_hours=-0.1)
    park(other_member, WORDS, in_hours=-0.1)
    tasks.send_due_reminders.call_local()
    assert [message.to for message in mailoutbox] == [[member.email]]


def test_thoughts_that_come_due_together_share_one_e_mail(member, park, mailoutbox):
    opt_in_to_email(member)
    first = park(member, WORDS, in_hours=-0.1)
    second = park(member, "Another worry", in_hours=-0.05)
    tasks.send_due_reminders.call_local()
    assert len(mailoutbox) == 1
    assert Thought.objects.filter(pk__in=[first.pk, second.pk], emailed__isnull=False).count() == 2


def test_changing_my_mind_stops_an_e_mail_already_queued(member, park, mailoutbox):
    opt_in_to_email(member)
    thought = park(member, WORDS, in_hours=-0.1)
    owed = queries.owed_emails()
    actions.do_save_settings(member, worry_time=timezone.now().time(), by_email=False)
    assert actions.do_send_reminder(owed[member.pk]) is False
    assert mailoutbox == []
    thought.refresh_from_db()
    assert thought.emailed is not None  # decided, so never sent later either


def test_a_thought_put_to_rest_or_long_past_gets_no_e_mail(member, park, mailoutbox):
    opt_in_to_email(member)
    rested = park(member, WORDS, in_hours=-0.1)
    Thought.objects.filter(pk=rested.pk).update(done=timezone.now())
    park(member, WORDS, in_hours=-48)  # came due before e-mail was turned on
    assert tasks.send_due_reminders.call_local() == 0
    assert mailoutbox == []


def test_parking_again_earns_a_new_e_mail(member, park, mailoutbox):
    opt_in_to_email(member)
    thought = park(member, WORDS, in_hours=-0.1)
    tasks.send_due_reminders.call_local()
    actions.do_repark(thought, timezone.now() - timedelta(minutes=1))
    tasks.send_due_reminders.call_local()
    assert len(mailoutbox) == 2


def test_the_job_is_given_ids_only(member, park):
    opt_in_to_email(member)
    thought = park(member, WORDS, in_hours=-0.1)
    owed = queries.owed_emails()
    assert owed == {member.pk: [thought.pk]}
