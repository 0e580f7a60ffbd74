"""Calendar files: what a calendar program reads from our invitations and the practitioner's feed.

Every file is read back twice, by `icalendar` (which wrote it) and by
`vobject`, an independent parser with its own unfolding, unescaping and
time-zone reading, so a mistake one of them forgives still shows.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.test import override_settings
from icalendar import Calendar

from reclaim.practice.calendar import (
    TITLE_APPOINTMENT,
    TITLE_FEED,
    TITLE_ONLINE_SESSION,
    CalendarEvent,
    calendar_feed,
    calendar_file,
    calendar_response,
    uid_for,
)

START = datetime(2026, 6, 3, 14, 0, tzinfo=UTC)


def _event(**changes: Any) -> CalendarEvent:
    values: dict[str, Any] = {
        "uid": uid_for("booking", "42"),
        "sequence": 0,
        "start": START,
        "end": START + timedelta(minutes=30),
        "summary": TITLE_APPOINTMENT,
        "location": "Online",
        "organizer_name": "Alex Rivera",
        "organizer_email": "alex@practice.example",
        "attendee_email": "sam@example.org",
        "attendee_name": "Sam",
    }
    values.update(changes)
    return CalendarEvent(**values)


def _both(data: bytes):
    """The file as icalendar and as vobject read it."""
    return Calendar.from_ical(data), vobject.readOne(data.decode("utf-8"))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


@override_settings(RECLAIM_SITE_URL="https://notes.example.org/")
def test_it_makes_a_uid_from_the_kind_the_row_and_the_sites_host():
    assert uid_for("booking", "42") == "booking-42@notes.example.org"
    assert uid_for("registration", "7") == "registration-7@notes.example.org"


def test_a_new_appointment_is_a_request_both_parsers_read_alike():
    data = calendar_file(_event(), "REQUEST")
    ours, theirs = _both(data)
    assert ours["METHOD"] == "REQUEST"
    assert theirs.method.value == "REQUEST"
    [event] = ours.walk("VEVENT")
    assert event["STATUS"] == "CONFIRMED"
    assert theirs.vevent.status.value == "CONFIRMED"
    assert str(event["SUMMARY"]) == theirs.vevent.summary.value == "Appointment"
    assert theirs.vevent.uid.value == str(event["UID"]) == uid_for("booking", "42")
    assert theirs.vevent.location.value == "Online"
    assert theirs.vevent.organizer.value == "mailto:alex@practice.example"
    assert theirs.vevent.organizer.params["CN"] == ["Alex Rivera"]
    assert theirs.vevent.attendee.value == "mailto:sam@example.org"
    assert theirs.vevent.attendee.params["RSVP"] == ["FALSE"]
    # Shared calendars show a private event as busy only.
    assert theirs.vevent.contents["class"][0].value == "PRIVATE"


def test_the_uid_stays_and_the_sequence_is_the_one_given_when_an_appointment_changes():
    first = vobject.readOne(calendar_file(_event(), "REQUEST").decode())
    moved = vobject.readOne(
        calendar_file(
            _event(
                sequence=1, start=START + timedelta(days=1), end=START + timedelta(days=1, hours=1)
            ),
            "REQUEST",
        ).decode()
    )
    assert moved.vevent.uid.value == first.vevent.uid.value
    assert int(first.vevent.sequence.value) == 0
    assert int(moved.vevent.sequence.value) == 1
    assert _utc(moved.vevent.dtstart.value) == START + timedelta(days=1)


def test_a_cancellation_says_cancel_and_cancelled_so_the_program_removes_the_event():
    data = calendar_file(_event(sequence=2), "CANCEL")
    ours, theirs = _both(data)
    assert ours["METHOD"] == "CANCEL"
    assert theirs.method.value == "CANCEL"
    assert theirs.vevent.status.value == "CANCELLED"
    assert int(theirs.vevent.sequence.value) == 2
    assert theirs.vevent.uid.value == uid_for("booking", "42")


def test_it_refuses_any_other_method():
    with pytest.raises(ValueError):
        calendar_file(_event(), "PUBLISH")


def test_times_in_utc_are_written_with_a_z_and_no_time_zone_block():
    data = calendar_file(_event(), "REQUEST")
    text = data.decode()
    assert "DTSTART:20260603T140000Z" in text
    assert "DTEND:20260603T143000Z" in text
    assert "VTIMEZONE" not in text
    ours, theirs = _both(data)
    assert _utc(theirs.vevent.dtstart.value) == START
    assert _utc(ours.walk("VEVENT")[0].decoded("DTEND")) == START + timedelta(minutes=30)


# Local times around each zone's changes of clock in 2026, and the instants
# they must be. New York springs forward on 8 March and falls back on
# 1 November, London on 29 March and 25 October; Kolkata is half an hour off
# the hour and never changes.
ACROSS_CHANGES = [
    ("America/New_York", datetime(2026, 3, 7, 10, 0), datetime(2026, 3, 7, 15, 0, tzinfo=UTC)),
    ("America/New_York", datetime(2026, 3, 9, 10, 0), datetime(2026, 3, 9, 14, 0, tzinfo=UTC)),
    ("America/New_York", datetime(2026, 10, 31, 10, 0), datetime(2026, 10, 31, 14, 0, tzinfo=UTC)),
    ("America/New_York", datetime(2026, 11, 2, 10, 0), datetime(2026, 11, 2, 15, 0, tzinfo=UTC)),
    ("Europe/London", datetime(2026, 3, 28, 9, 0), datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),
    ("Europe/London", datetime(2026, 3, 30, 9, 0), datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
    ("Europe/London", datetime(2026, 10, 24, 9, 0), datetime(2026, 10, 24, 8, 0, tzinfo=UTC)),
    ("Europe/London", datetime(2026, 10, 26, 9, 0), datetime(2026, 10, 26, 9, 0, tzinfo=UTC)),
    ("Asia/Kolkata", datetime(2026, 3, 8, 9, 0), datetime(2026, 3, 8, 3, 30, tzinfo=UTC)),
    ("Asia/Kolkata", datetime(2026, 11, 1, 9, 0), datetime(2026, 11, 1, 3, 30, tzinfo=UTC)),
]


@pytest.mark.parametrize(("zone", "local", "instant"), ACROSS_CHANGES)
def test_local_times_with_a_time_zone_block_are_right_on_both_sides_of_a_clock_change(
    zone, local, instant
):
    event = _event(start=instant, end=instant + timedelta(hours=1), zone=zone)
    data = calendar_file(event, "REQUEST")
    text = data.decode()
    # The wall-clock time a person there expects, labelled with the zone.
    assert f"DTSTART;TZID={zone}:{local:%Y%m%dT%H%M%S}" in text
    ours, theirs = _both(data)
    assert [str(tz["TZID"]) for tz in ours.walk("VTIMEZONE")] == [zone]
    assert theirs.vtimezone.tzid.value == zone
    # vobject reads the offsets from our VTIMEZONE block, not from its own
    # zone database, so this checks what the file says.
    assert _utc(theirs.vevent.dtstart.value) == instant
    assert _utc(theirs.vevent.dtend.value) == instant + timedelta(hours=1)
    assert _utc(ours.walk("VEVENT")[0].decoded("DTSTART")) == instant


def test_an_hour_that_spans_the_spring_change_in_new_york_is_still_one_hour():
    # 01:30 local, then the clock jumps from 02:00 to 03:00: the end is 03:30.
    # Python adds to a zoned time by the wall clock (01:30 + 1 h = 02:30, an
    # hour that does not exist there), so the hour is added in UTC.
    start = datetime(2026, 3, 8, 1, 30, tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)
    event = _event(start=start, end=start + timedelta(hours=1), zone="America/New_York")
    data = calendar_file(event, "REQUEST")
    assert "DTEND;TZID=America/New_York:20260308T033000" in data.decode()
    theirs = vobject.readOne(data.decode())
    assert _utc(theirs.vevent.dtend.value) - _utc(theirs.vevent.dtstart.value) == timedelta(hours=1)


def test_commas_semicolons_and_new_lines_survive_and_long_lines_are_folded():
    description = (
        "Bring a drink, a notebook; and yourself.\nThe link: https://video.example/r/abc "
        + ("and more words " * 12)
    )
    data = calendar_file(_event(description=description, attendee_name="Rivera, Sam"), "REQUEST")
    text = data.decode()
    assert "a drink\\, a notebook\\; and yourself.\\nThe link" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\r\n " in text  # Folded, not cut.
    ours, theirs = _both(data)
    assert theirs.vevent.description.value == description
    assert str(ours.walk("VEVENT")[0]["DESCRIPTION"]) == description
    assert theirs.vevent.attendee.params["CN"] == ["Rivera, Sam"]


def test_the_join_link_is_there_only_when_the_caller_puts_it_in():
    plain = calendar_file(_event(summary=TITLE_ONLINE_SESSION), "REQUEST").decode()
    assert "video.example" not in plain
    joined = calendar_file(
        _event(
            summary=TITLE_ONLINE_SESSION,
            description="Join here: https://video.example/r/abc",
            url="https://notes.example.org/webinars/your-page/",
        ),
        "REQUEST",
    )
    theirs = vobject.readOne(joined.decode())
    assert "https://video.example/r/abc" in theirs.vevent.description.value
    assert theirs.vevent.url.value == "https://notes.example.org/webinars/your-page/"


def test_without_an_organizer_the_sites_sender_stands_in():
    theirs = vobject.readOne(
        calendar_file(_event(organizer_email="", organizer_name=""), "REQUEST").decode()
    )
    assert theirs.vevent.organizer.value.startswith("mailto:")
    assert theirs.vevent.organizer.params["CN"] == ["Notes"]


def test_it_refuses_a_title_that_says_what_the_meeting_is_about():
    with pytest.raises(ValueError):
        calendar_file(_event(summary="Betrayal support call"), "REQUEST")


def test_it_refuses_naive_times_and_an_end_before_the_start():
    with pytest.raises(ValueError):
        calendar_file(_event(start=datetime(2026, 6, 3, 14, 0)), "REQUEST")
    with pytest.raises(ValueError):
        calendar_file(_event(end=START - timedelta(minutes=1)), "REQUEST")


def test_the_feed_holds_every_event_in_its_own_zone_without_people_or_a_method():
    events = [
        _event(
            uid=uid_for("booking", str(number)),
            start=START + timedelta(days=number),
            end=START + timedelta(days=number, minutes=45),
            zone="Europe/London" if number % 2 else "UTC",
        )
        for number in range(30)
    ]
    data = calendar_feed(events, TITLE_FEED)
    ours, theirs = _both(data)
    assert "METHOD" not in ours
    assert "method" not in theirs.contents
    assert theirs.contents["x-wr-calname"][0].value == "Appointments"
    parsed = theirs.contents["vevent"]
    assert len(parsed) == len(ours.walk("VEVENT")) == 30
    assert {event.uid.value for event in parsed} == {event.uid for event in events}
    assert sorted(_utc(event.dtstart.value) for event in parsed) == [e.start for e in events]
    # A subscribed calendar is read-only: nobody to reply to, no addresses in it.
    text = data.decode()
    assert "ORGANIZER" not in text
    assert "ATTENDEE" not in text
    assert "sam@example.org" not in text


def test_an_empty_feed_is_still_a_calendar_both_parsers_read():
    ours, theirs = _both(calendar_feed([], TITLE_FEED))
    assert ours.walk("VEVENT") == []
    assert "vevent" not in theirs.contents


def test_the_feed_refuses_a_name_that_says_what_it_is_about():
    with pytest.raises(ValueError):
        calendar_feed([], "Therapy clients")


def test_a_calendar_answer_is_a_calendar_file_named_neutrally():
    data = calendar_file(_event(), "REQUEST")
    download = calendar_response(data)
    assert download["Content-Type"] == "text/calendar; charset=utf-8"
    assert download["Content-Disposition"] == 'attachment; filename="invite.ics"'
    assert download.content == data
    feed = calendar_response(calendar_feed([], TITLE_FEED), download=False)
    assert feed["Content-Disposition"] == 'inline; filename="calendar.ics"'
