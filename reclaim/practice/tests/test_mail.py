"""E-mail to the practice's visitors: what shows in an inbox, what is attached, what is logged."""

from __future__ import annotations

import copy
import logging
import smtplib
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
import vobject
from django.conf import settings
from django.core import mail as outbox
from django.core.mail.backends.base import BaseEmailBackend
from django.template import TemplateDoesNotExist
from django.test import override_settings

from reclaim.practice import mail
from reclaim.practice.calendar import (
    TITLE_APPOINTMENT,
    CalendarEvent,
    Method,
    calendar_file,
    uid_for,
)
from reclaim.practice.seo import absolute

ADDRESS = "sam.private@example.org"
NAME = "Sam Quinn"

# Example messages written the way the webinar and consultation code writes
# theirs, kept with the tests so they never ship.
_templates = copy.deepcopy(settings.TEMPLATES)
_templates[0]["DIRS"] = [Path(__file__).parent / "mail_templates"]
with_examples = override_settings(TEMPLATES=_templates)


def _send(**options) -> None:
    context = {"name": NAME, "when": "Tuesday at 10:00", "page_link": absolute("/x/")}
    mail.send_message("hello", ADDRESS, context, **{"subject_kind": "appointment", **options})


def _calendar(method: Method = "REQUEST") -> bytes:
    start = datetime(2026, 6, 3, 14, 0, tzinfo=UTC)
    event = CalendarEvent(
        uid=uid_for("booking", "1"),
        sequence=0,
        start=start,
        end=start + timedelta(minutes=30),
        summary=TITLE_APPOINTMENT,
    )
    return calendar_file(event, method)


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient, naming the address as real servers do."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"No such user " + ADDRESS.encode())})


@with_examples
@override_settings(RECLAIM_SUBJECT_APPOINTMENT="A note about Tuesday")
def test_the_subject_is_exactly_the_operators_words_for_an_appointment():
    _send()
    assert outbox.outbox[0].subject == "A note about Tuesday"


@with_examples
@override_settings(RECLAIM_SUBJECT_REGISTRATION="Your place")
def test_the_subject_is_exactly_the_operators_words_for_a_registration():
    _send(subject_kind="registration")
    assert outbox.outbox[0].subject == "Your place"


@with_examples
def test_the_defaults_are_plain_your_appointment_and_your_registration():
    _send()
    _send(subject_kind="registration")
    assert [m.subject for m in outbox.outbox] == ["Your appointment", "Your registration"]


@with_examples
@override_settings(
    RECLAIM_MAIL_SENDER_NAME="Garden Notes", DEFAULT_FROM_EMAIL="hello@notes.example"
)
def test_it_comes_from_the_neutral_sender_name_at_the_operators_address():
    _send(to_name=NAME)
    sent = outbox.outbox[0]
    assert sent.from_email == "Garden Notes <hello@notes.example>"
    assert sent.to == [f"{NAME} <{ADDRESS}>"]


@with_examples
def test_it_sends_plain_text_and_html_with_the_same_words():
    _send()
    sent = outbox.outbox[0]
    assert "Hello Sam Quinn," in sent.body
    assert "Tuesday at 10:00" in sent.body
    assert "http://localhost:8000/x/" in sent.body
    [(html, kind)] = sent.alternatives
    assert kind == "text/html"
    assert "<p>Hello Sam Quinn,</p>" in html
    assert 'href="http://localhost:8000/x/"' in html
    # The closing note, so a person who never asked knows they may ignore it.
    assert "you can ignore it" in sent.body
    assert "you can ignore it" in html


@with_examples
@override_settings(RECLAIM_SUBJECT_APPOINTMENT="A note about Tuesday")
def test_the_first_line_of_the_html_body_is_a_hidden_preview_that_repeats_the_subject():
    _send()
    html = outbox.outbox[0].alternatives[0][0]
    body = html.split("<body", 1)[1].split(">", 1)[1]
    assert body.strip().startswith(
        '<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">A note about Tuesday</div>'
    )


@with_examples
def test_a_name_with_markup_is_shown_as_written_in_both_parts():
    mail.send_message("hello", ADDRESS, {"name": "Sam & <Jo>"}, subject_kind="appointment")
    sent = outbox.outbox[0]
    assert "Hello Sam & <Jo>," in sent.body
    assert "Hello Sam &amp; &lt;Jo&gt;," in sent.alternatives[0][0]


@with_examples
def test_a_calendar_file_is_attached_as_invite_ics_with_its_method():
    _send(calendar=_calendar())
    raw = outbox.outbox[0].message().as_bytes()
    parsed = message_from_bytes(raw)
    [part] = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    assert part.get_content_charset() == "utf-8"
    assert part.get_filename() == "invite.ics"
    assert part.get_content_disposition() == "attachment"
    event = vobject.readOne(part.get_payload(decode=True).decode("utf-8"))
    assert event.method.value == "REQUEST"
    assert event.vevent.uid.value == uid_for("booking", "1")


@with_examples
def test_a_cancellation_is_attached_with_method_cancel():
    _send(calendar=_calendar("CANCEL"), calendar_method="CANCEL")
    parsed = message_from_bytes(outbox.outbox[0].message().as_bytes())
    [part] = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "CANCEL"


@with_examples
def test_without_a_calendar_nothing_is_attached():
    _send()
    assert outbox.outbox[0].attachments == []


@with_examples
def test_both_parts_are_required():
    with pytest.raises(TemplateDoesNotExist):
        mail.send_message("only_text", ADDRESS, {}, subject_kind="appointment")
    assert outbox.outbox == []


@with_examples
def test_it_logs_the_template_and_never_the_address_or_the_words(caplog):
    caplog.set_level(logging.DEBUG)
    _send(calendar=_calendar(), to_name=NAME)
    logged = " ".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    assert "hello" in logged
    assert ADDRESS not in logged
    assert "sam.private" not in logged
    assert NAME not in logged
    assert "Tuesday" not in logged


@with_examples
@override_settings(EMAIL_BACKEND="reclaim.practice.tests.test_mail.RefusingBackend")
def test_a_refused_mail_raises_mail_not_sent_and_logs_no_address(caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(mail.MailNotSent) as raised:
        _send()
    # Nothing of the server's answer (which names the address) travels on.
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__
    assert ADDRESS not in str(raised.value)
    assert caplog.records
    for record in caplog.records:
        assert ADDRESS not in record.getMessage()
        assert record.exc_info is None
    assert "not sent" in caplog.text
    assert ADDRESS not in caplog.text
