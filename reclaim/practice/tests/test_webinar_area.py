"""The practice area's webinar pages: plan, publish, see who is coming, export, call off."""

from __future__ import annotations

import csv
import io
import zoneinfo
from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reclaim.practice.models import AuditEntry, Registration, Webinar
from reclaim.practice.views.webinars_area import spreadsheet_safe

from . import webinar_makers as make

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    ("practice:webinars", False),
    ("practice:webinar_new", False),
    ("practice:webinar_edit", True),
    ("practice:webinar_cancel", True),
    ("practice:webinar_people", True),
    ("practice:webinar_export", True),
]


@pytest.fixture
def found(practitioner):
    return make.webinar(practitioner, capacity=1)


def _url(name, needs, found):
    return reverse(name, args=[found.pk] if needs else [])


@pytest.mark.parametrize(("name", "needs"), PAGES)
def test_it_opens_each_page_for_a_practitioner(practitioner_client, found, name, needs):
    assert practitioner_client.get(_url(name, needs, found)).status_code == 200


@pytest.mark.parametrize(("name", "needs"), PAGES)
def test_it_answers_404_to_members(member_client, other_client, found, name, needs):
    assert member_client.get(_url(name, needs, found)).status_code == 404
    assert other_client.get(_url(name, needs, found)).status_code == 404


@pytest.mark.parametrize(("name", "needs"), PAGES)
def test_it_sends_a_signed_out_visitor_to_sign_in(found, name, needs):
    answer = Client().get(_url(name, needs, found))
    assert answer.status_code == 302
    assert reverse("account_login") in answer["Location"]


def test_it_plans_a_webinar_on_the_chosen_clock_and_publishes_it(practitioner_client):
    start = (timezone.now() + timedelta(days=10)).strftime("%Y-%m-%d")
    answer = practitioner_client.post(
        reverse("practice:webinar_new"),
        {
            "title": "Anger, and what to do with it",
            "slug": "",
            "description": "An hour on *anger*.",
            "start": f"{start}T19:30",
            "zone": "Asia/Kolkata",
            "duration_minutes": "60",
            "capacity": "30",
            "room_link": "https://video.example.org/r/1",
            "replay_link": "",
            "replay_until": "",
        },
    )
    made = Webinar.objects.get()
    assert answer.status_code == 302
    # 19:30 in Kolkata (UTC+5:30) is 14:00 UTC.
    assert timezone.localtime(made.start, UTC).strftime("%H:%M") == "14:00"
    assert made.status == Webinar.Status.DRAFT
    practitioner_client.post(reverse("practice:webinar_publish", args=[made.pk]))
    made.refresh_from_db()
    assert made.status == Webinar.Status.PUBLISHED
    assert AuditEntry.objects.filter(action="webinar.publish").exists()


def test_it_keeps_what_was_typed_when_a_time_is_missing(practitioner_client):
    answer = practitioner_client.post(
        reverse("practice:webinar_new"),
        {"title": "Keep me", "zone": "Europe/London", "duration_minutes": "60", "capacity": "5"},
    )
    assert answer.status_code == 400
    assert "Keep me" in answer.content.decode()
    assert "Please choose when it starts." in answer.content.decode()


def test_it_lists_registrants_and_the_wait_list_with_their_questions(practitioner_client, found):
    make.confirmed(found, "Ash", question="May I keep my camera off?")
    make.confirmed(found, "Bo")
    page = practitioner_client.get(reverse("practice:webinar_people", args=[found.pk]))
    text = page.content.decode()
    assert "Ash" in text and "May I keep my camera off?" in text
    assert "Bo" in text and "1 on the wait-list" in text


def test_it_exports_a_csv_that_no_spreadsheet_runs_as_a_formula(practitioner_client, found):
    make.confirmed(found, "=HYPERLINK(1)")
    make.confirmed(found, "@SUM", email="sum@example.org")
    answer = practitioner_client.get(reverse("practice:webinar_export", args=[found.pk]))
    rows = list(csv.reader(io.StringIO(answer.content.decode())))
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[2][0] == "'@SUM"
    assert rows[2][3] == "1"
    assert make.ROOM not in answer.content.decode()


def test_it_escapes_every_formula_start_and_nothing_else():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(f"{start}1") == f"'{start}1"
    assert spreadsheet_safe("Sky") == "Sky"


def test_it_calls_a_webinar_off_and_tells_everyone_registered(practitioner_client, found):
    make.confirmed(found, "Ash")
    make.confirmed(found, "Bo")
    mail.outbox.clear()
    practitioner_client.post(reverse("practice:webinar_cancel", args=[found.pk]))
    found.refresh_from_db()
    assert found.status == Webinar.Status.CANCELLED
    assert not Registration.objects.exclude(state=Registration.State.CANCELLED).exists()
    assert {m.to[0] for m in mail.outbox} == {"Ash <ash@example.org>", "Bo <bo@example.org>"}
    assert all("called off" in m.body for m in mail.outbox)
    assert Client().get(reverse("site:webinar", args=[found.slug])).status_code == 404


def test_it_moves_people_up_when_places_are_added(practitioner_client, found):
    make.confirmed(found, "Ash")
    waiting = make.confirmed(found, "Bo")
    local = timezone.localtime(found.start, zoneinfo.ZoneInfo(found.zone))
    practitioner_client.post(
        reverse("practice:webinar_edit", args=[found.pk]),
        {
            "title": found.title,
            "slug": found.slug,
            "description": found.description,
            "start": local.strftime("%Y-%m-%dT%H:%M"),
            "zone": found.zone,
            "duration_minutes": "60",
            "capacity": "2",
            "room_link": found.room_link,
        },
    )
    waiting.refresh_from_db()
    assert waiting.state == Registration.State.CONFIRMED
