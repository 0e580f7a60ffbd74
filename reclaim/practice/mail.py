"""E-mail to visitors of the practice (webinar registrants, people booking a consultation).

Why it is careful: the person may read their mail on a phone or a computer
that someone else can see, and a subject line, a sender name and the first
line of a message show on a lock screen and in an inbox list before anyone
opens anything. So every message here has:

- a neutral subject chosen by the operator, one per kind of message
  (`RECLAIM_SUBJECT_APPOINTMENT`, `RECLAIM_SUBJECT_REGISTRATION`), never
  built from what the visitor booked;
- a neutral sender name (`RECLAIM_MAIL_SENDER_NAME`, by default the
  installation's discreet name) before the operator's address;
- a hidden preview line (the first line of the HTML body, which inbox lists
  show after the subject) that is as neutral as the subject;
- no word from `FORBIDDEN_IN_MAIL` in any template in `practice/mail/`
  (test_neutral_words.py reads every one, including ones added later);
- nothing the visitor told the practice: intake answers and questions for
  the host never go into an e-mail.

How to write a message (the pattern the webinar and consultation code follow)
---------------------------------------------------------------------------

Each message is two templates with the same name in
`reclaim/practice/templates/practice/mail/`, one plain text and one HTML,
both required (a mail program shows whichever it prefers):

    practice/mail/webinar_confirmed.txt
        {% extends "practice/mail/base.txt" %}
        {% block body %}Hello {{ name }},

        Your place is saved. ...
        {{ page_link }}{% endblock %}

    practice/mail/webinar_confirmed.html
        {% extends "practice/mail/base.html" %}
        {% block body %}<p>Hello {{ name }},</p>
        <p>Your place is saved. ...</p>
        <p><a href="{{ page_link }}">Your page</a></p>{% endblock %}

and it is sent with one call, from an action or a Huey task:

    from reclaim.practice import mail
    from reclaim.practice.seo import absolute
    mail.send_message(
        "webinar_confirmed", registration.email,
        {"name": registration.name, "page_link": absolute(path)},
        subject_kind="registration", calendar=ics_bytes, to_name=registration.name,
    )

Links in a message are absolute (`seo.absolute`), because the mail is read
outside the site. `send_message` adds `site_name`, `site_url`, `subject` and
`preview` to the context. The base layouts end every message with a short
note that it can be ignored if the reader did not ask for it. Words follow
VOICE_AND_LOOK.md: warm, plain, short, and nothing that names the subject.
A failure to send is logged (the template name only) and raised as
`MailNotSent`; the caller decides whether the person should be told.
"""

from __future__ import annotations

import logging
import re
from email.mime.text import MIMEText
from email.utils import formataddr
from typing import Any, Literal

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

log = logging.getLogger(__name__)

# Words that must never appear where others may glance: an e-mail's subject,
# sender, preview line or templates, or a calendar title. One list, read by
# `is_neutral`, the calendar builder and the neutral-words test.
FORBIDDEN_IN_MAIL: tuple[str, ...] = (
    "betrayal",
    "betrayed",
    "affair",
    "cheating",
    "cheated",
    "infidelity",
    "unfaithful",
    "trauma",
    "traumatic",
    "addiction",
    "porn",
    "sex",
    "divorce",
    "abuse",
    "therapy",
    "therapist",
    "counselling",
    "counseling",
    "counsellor",
    "counselor",
    "recovery",
    "heal",
    "healing",
    "crisis",
)


def _stem(word: str) -> str:
    """A pattern for `word` that also takes its plural when that changes the ending."""
    if word.endswith("y"):
        return word[:-1] + "(?:y|ie)"  # therapy, therapies
    if word.endswith("is"):
        return word[:-2] + "(?:is|e)"  # crisis, crises
    return word


# A forbidden word on its own or with a common ending ("affairs", "abused",
# "sexual", "therapies"), in any case; not inside another word ("health",
# "Sussex"), which would refuse innocent titles.
_FORBIDDEN = re.compile(
    r"\b(?:"
    + "|".join(_stem(word) for word in FORBIDDEN_IN_MAIL)
    + r")(?:s|es|d|ed|ing|r|rs|er|ers|ive|al|ual|ography)?\b",
    re.IGNORECASE,
)

# The name a calendar file is saved under, attached or downloaded: neutral too.
# calendar.py imports it from here (it already reads this module's word list).
CALENDAR_FILE_NAME = "invite.ics"

SubjectKind = Literal["appointment", "registration", "alert"]


class MailNotSent(Exception):
    """The mail server did not take the message (nothing about it is carried here)."""


def forbidden_words(text: str) -> list[str]:
    """The forbidden words found in `text`, as written there."""
    return [match.group(0) for match in _FORBIDDEN.finditer(text)]


def is_neutral(text: str) -> bool:
    """Whether `text` may be shown where others can see it (no word from FORBIDDEN_IN_MAIL)."""
    return _FORBIDDEN.search(text) is None


def subject_for(kind: SubjectKind) -> str:
    """The operator's neutral subject for this kind of message."""
    subjects = {
        "appointment": settings.RECLAIM_SUBJECT_APPOINTMENT,
        "registration": settings.RECLAIM_SUBJECT_REGISTRATION,
        "alert": settings.RECLAIM_SUBJECT_ALERT,
    }
    return subjects[kind]


def sender() -> str:
    """`Name <address>`: the operator's neutral sender name and address."""
    return formataddr((settings.RECLAIM_MAIL_SENDER_NAME, settings.DEFAULT_FROM_EMAIL))


def _calendar_part(calendar: bytes, method: str) -> MIMEText:
    # Built by hand: Django's attach() cannot give a text part the METHOD
    # parameter that Outlook and Gmail read to offer the event.
    part = MIMEText(calendar.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=CALENDAR_FILE_NAME)
    return part


def send_message(
    template: str,
    to: str,
    context: dict[str, Any],
    *,
    subject_kind: SubjectKind,
    calendar: bytes | None = None,
    calendar_method: str = "REQUEST",
    to_name: str = "",
) -> None:
    """Render `practice/mail/<template>.txt` and `.html` and send them to `to`, now.

    Raises MailNotSent when the mail server refuses; logs only the template's name.
    """
    subject = subject_for(subject_kind)
    full = {
        **context,
        "subject": subject,
        # The line inbox lists show after the subject: the subject again,
        # so it can say no more than the subject does.
        "preview": subject,
        "site_name": settings.RECLAIM_MAIL_SENDER_NAME,
        "site_url": settings.RECLAIM_SITE_URL,
    }
    text = render_to_string(f"practice/mail/{template}.txt", full)
    html = render_to_string(f"practice/mail/{template}.html", full)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=sender(),
        to=[formataddr((to_name, to)) if to_name else to],
    )
    message.attach_alternative(html, "text/html")
    if calendar is not None:
        message.attach(_calendar_part(calendar, calendar_method))
    try:
        message.send()
    except Exception as exc:
        # Only the template's name and the kind of failure: a mail server's
        # error names the address, and the traceback would carry it into the
        # logs, so it is neither logged nor chained onto MailNotSent.
        log.warning("practice mail not sent: " + template + " (" + type(exc).__name__ + ")")
        raise MailNotSent(template) from None
    # The template's name is ours, never the visitor's, so it may be in the event.
    log.info("practice mail sent: " + template)
