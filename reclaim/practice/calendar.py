"""Calendar files (iCalendar, RFC 5545) for webinars and consultations: one builder for both.

A visitor gets a calendar file with each confirmation, change and cancellation
by e-mail, and a practitioner subscribes to a private feed of their bookings.
Both are built here, on the `icalendar` library, from a `CalendarEvent` that
the webinar and consultation code fill in. The rules every file keeps:

- The UID is stable for a booking or registration for its whole life
  (`uid_for`), so a calendar program updates the event it already has instead
  of adding a second one; SEQUENCE is raised by the caller on every change,
  or the program ignores the update as old news.
- A new or changed event is sent with METHOD:REQUEST, a cancelled one with
  METHOD:CANCEL and STATUS:CANCELLED (RFC 5546), so the program removes it.
- Times are written in UTC, or, when the event names a zone, as local times
  with a VTIMEZONE that describes that zone's offsets around the event, so a
  program that knows nothing of the zone still shows the right hour.
- The title is neutral: a calendar title shows on a lock screen and in a
  shared calendar, where others may see it. `NEUTRAL_TITLES` lists the titles
  we offer; a title with a word from `mail.FORBIDDEN_IN_MAIL` is refused
  (ValueError), so a mistake fails loudly instead of showing. The event is
  also marked CLASS:PRIVATE, which shared calendars show as "busy" only.
- Nothing of what a visitor told the practice goes in: no intake answers, no
  question for the host. The join link goes in the description only for a
  confirmed registrant; that is the caller's choice to make, never a feed's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from reclaim.practice.mail import CALENDAR_FILE_NAME, forbidden_words, is_neutral

# The titles our calendar files use. Each is chosen to say nothing about
# why someone is meeting whom; the neutral-words test reads this list.
TITLE_APPOINTMENT = "Appointment"
TITLE_ONLINE_SESSION = "Online session"
TITLE_CONSULTATION = "Consultation"
TITLE_FEED = "Appointments"
NEUTRAL_TITLES: tuple[str, ...] = (
    TITLE_APPOINTMENT,
    TITLE_ONLINE_SESSION,
    TITLE_CONSULTATION,
    TITLE_FEED,
)

# How a calendar file is served, by a download link or as a subscribed feed.
CONTENT_TYPE = "text/calendar; charset=utf-8"

# A VTIMEZONE describes a zone's offsets only over a span of dates; a year
# either side of the events is enough for any reschedule a file is sent for,
# and keeps the file small.
ZONE_MARGIN_YEARS = 1
# How often a subscribed program should look for changes: a new booking
# should not wait long to appear.
REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class CalendarEvent:
    """One booking or registration as a calendar program should see it."""

    uid: str  # Stable for the booking/registration for its whole life (`uid_for`).
    sequence: int  # Raised on every change (reschedule, cancel).
    start: datetime  # Aware.
    end: datetime  # Aware.
    summary: str  # A neutral title, e.g. TITLE_APPOINTMENT, never the situation.
    description: str = ""  # Plain text; the join link goes here only for registrants.
    url: str = ""  # E.g. the registrant's own page.
    location: str = ""  # E.g. "Online".
    organizer_name: str = ""
    organizer_email: str = ""
    attendee_email: str = ""
    attendee_name: str = ""
    zone: str = "UTC"  # IANA zone to present in: a VTIMEZONE is included unless UTC.


def uid_for(kind: str, ident: str) -> str:
    """A UID that names the kind and row, at the installation's own host: `kind-ident@host`."""
    host = urlparse(settings.RECLAIM_SITE_URL).hostname or "localhost"
    return f"{kind}-{ident}@{host}"


def _check(event: CalendarEvent) -> None:
    if event.start.tzinfo is None or event.end.tzinfo is None:
        raise ValueError("A calendar event needs aware start and end times.")
    if event.end <= event.start:
        raise ValueError("A calendar event must end after it starts.")
    if not is_neutral(event.summary):
        # The word is ours to name (it is from our list), never the visitor's.
        raise ValueError(
            f"A calendar title must be neutral, not say {forbidden_words(event.summary)}."
        )


def _zone(name: str) -> ZoneInfo | None:
    """The zone to write local times in, or None for UTC."""
    if name in ("", "UTC", "Etc/UTC"):
        return None
    return ZoneInfo(name)  # An unknown name raises: better than a wrong hour.


def _person(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    address.params.update(params)
    return address


def _vevent(event: CalendarEvent, *, cancelled: bool = False, with_people: bool = True) -> Event:
    _check(event)
    # Local times in the event's zone (a VTIMEZONE follows), or UTC.
    zone = _zone(event.zone) or UTC
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", timezone.now().astimezone(UTC))
    vevent.add("dtstart", event.start.astimezone(zone))
    vevent.add("dtend", event.end.astimezone(zone))
    vevent.add("summary", event.summary)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("class", "PRIVATE")
    vevent.add("transp", "OPAQUE")
    if event.description:
        vevent.add("description", event.description)
    if event.url:
        vevent.add("url", event.url)
    if event.location:
        vevent.add("location", event.location)
    if with_people:
        # RFC 5546 asks a REQUEST or CANCEL to name its organizer; when the
        # caller names none, the installation's own sender stands in.
        organizer_email = event.organizer_email or settings.DEFAULT_FROM_EMAIL
        organizer_name = event.organizer_name or settings.RECLAIM_MAIL_SENDER_NAME
        vevent.add("organizer", _person(organizer_email, organizer_name))
        if event.attendee_email:
            # RSVP=FALSE: there is nobody to read a calendar program's reply;
            # a change goes through the signed link in the e-mail.
            vevent.add(
                "attendee",
                _person(
                    event.attendee_email,
                    event.attendee_name,
                    ROLE="REQ-PARTICIPANT",
                    PARTSTAT="ACCEPTED",
                    RSVP="FALSE",
                ),
            )
    return vevent


def _calendar(name: str = "") -> Calendar:
    cal = Calendar()
    # The product id is seen only by calendar programs, but it travels with
    # the file: the installation's discreet name, not the product's.
    cal.add("prodid", f"-//{settings.RECLAIM_DISCREET_NAME}//Calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        if not is_neutral(name):
            raise ValueError("A calendar's name must be neutral; see NEUTRAL_TITLES.")
        cal.add("name", name)
        # Older programs (Apple Calendar, Outlook) read the name from here.
        cal.add("x-wr-calname", name)
    return cal


def _finish(cal: Calendar, events: list[CalendarEvent]) -> bytes:
    if events:
        first = min(event.start for event in events).year - ZONE_MARGIN_YEARS
        last = max(event.end for event in events).year + ZONE_MARGIN_YEARS + 1
        cal.add_missing_timezones(date(first, 1, 1), date(last, 1, 1))
    return bytes(cal.to_ical())


# What a calendar file asks of the program that reads it (RFC 5546).
Method = Literal["REQUEST", "CANCEL"]


def calendar_file(event: CalendarEvent, method: Method) -> bytes:
    """A calendar file to attach to an e-mail: a new or changed event (REQUEST), or its end."""
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError("method must be REQUEST or CANCEL.")
    cal = _calendar()
    cal.add("method", method)
    cal.add_component(_vevent(event, cancelled=method == "CANCEL"))
    return _finish(cal, [event])


def calendar_feed(events: Iterable[CalendarEvent], name: str) -> bytes:
    """A calendar to subscribe to by address: every event given, with no METHOD.

    The feed leaves out organizer and attendees: a subscribed calendar is
    read-only, and a program that sees them may offer to send replies.
    """
    chosen = list(events)
    cal = _calendar(name)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for event in chosen:
        cal.add_component(_vevent(event, with_people=False))
    return _finish(cal, chosen)


def calendar_response(data: bytes, *, download: bool = True) -> HttpResponse:
    """A calendar file as an answer to a browser (`download`) or to a subscribed program.

    Never marked public: a visitor's file may hold their join link, and the
    practitioner's feed their bookings, so neither is kept by a shared cache
    (core/middleware.py makes every answer not marked public `no-store`).
    """
    response = HttpResponse(data, content_type=CONTENT_TYPE)
    if download:
        response["Content-Disposition"] = f'attachment; filename="{CALENDAR_FILE_NAME}"'
    else:
        response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response
