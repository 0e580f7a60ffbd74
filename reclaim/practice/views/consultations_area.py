"""Consultations in the practice area: hours, exceptions, settings, bookings, the calendar feed.

Every page is for practitioners with two-factor set up (access.py); each
sees and changes only their own hours and bookings. The calendar feed
itself is read by calendar programs, which cannot sign in: its secret
address is the key, and renewing it ends the old one.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import seo
from ..access import practitioner_required
from ..actions import consultations as actions
from ..calendar import TITLE_FEED, calendar_feed, calendar_response
from ..forms_consultations import ConsultationSettingsForm, DateChangeForm, WeeklyHoursForm
from ..queries import consultations as queries

# Which of the page's three forms a POST is for.
SETTINGS, HOURS, CHANGE = "settings", "hours", "change"


def _settings_initial(user: Any) -> dict[str, Any]:
    found = queries.settings_of(user)
    return {
        "offered": found.offered,
        "slot_minutes": found.slot_minutes,
        "buffer_before_minutes": found.buffer_before_minutes,
        "buffer_after_minutes": found.buffer_after_minutes,
        "notice_hours": found.notice_hours,
        "horizon_days": found.horizon_days,
        "daily_maximum": found.daily_maximum,
        "intake_questions": "\n".join(found.intake_questions or []),
    }


@practitioner_required
@require_http_methods(["GET", "HEAD", "POST"])
def availability(request: HttpRequest) -> HttpResponse:
    """Weekly hours, dates that differ, and how consultations are offered: one page."""
    user = request.user
    which = request.POST.get("form", "")
    posted = request.method == "POST"
    settings_form = ConsultationSettingsForm(
        request.POST if posted and which == SETTINGS else None, initial=_settings_initial(user)
    )
    hours_form = WeeklyHoursForm(request.POST if posted and which == HOURS else None, prefix=HOURS)
    change_form = DateChangeForm(
        request.POST if posted and which == CHANGE else None, prefix=CHANGE
    )
    if posted and which == SETTINGS and settings_form.is_valid():
        actions.do_save_consultation_settings(user, **settings_form.cleaned_data)
        messages.success(request, "Your consultation settings are saved.")
        return redirect("practice:availability")
    if posted and which == HOURS and hours_form.is_valid():
        data = hours_form.cleaned_data
        actions.do_add_weekly_hours(user, data["weekday"], data["start"], data["end"])
        messages.success(request, "Those hours are added.")
        return redirect("practice:availability")
    if posted and which == CHANGE and change_form.is_valid():
        data = change_form.cleaned_data
        actions.do_add_date_change(user, data["date"], data["kind"], data["start"], data["end"])
        messages.success(request, "That date is added.")
        return redirect("practice:availability")
    return render(
        request,
        "practice/area/availability.html",
        {
            "area_nav": "availability",
            "settings_form": settings_form,
            "hours_form": hours_form,
            "change_form": change_form,
            "rules": queries.rules_of(user),
            "changes": queries.exceptions_of(user),
            "zone_words": queries.zone_words(user.timezone),  # type: ignore[union-attr]
        },
    )


def _removed(request: HttpRequest, removed: bool, what: str) -> HttpResponse:
    if not removed:
        raise Http404
    messages.success(request, f"{what} removed.")
    return redirect("practice:availability")


@practitioner_required
@require_POST
def availability_remove_hours(request: HttpRequest, pk: int) -> HttpResponse:
    return _removed(request, actions.do_remove_weekly_hours(request.user, pk), "Those hours are")


@practitioner_required
@require_POST
def availability_remove_change(request: HttpRequest, pk: int) -> HttpResponse:
    return _removed(request, actions.do_remove_date_change(request.user, pk), "That date is")


def _bookings_page(request: HttpRequest, feed_url: str = "") -> HttpResponse:
    user = request.user
    return render(
        request,
        "practice/area/bookings.html",
        {
            "area_nav": "bookings",
            "bookings": queries.bookings_for_practice(user),
            "zone": user.timezone,  # type: ignore[union-attr]
            "zone_words": queries.zone_words(user.timezone),  # type: ignore[union-attr]
            "feed_url": feed_url,
            "feed_made": queries.settings_of(user).feed_made,
        },
    )


@practitioner_required
@require_safe
def bookings(request: HttpRequest) -> HttpResponse:
    """Upcoming, past and cancelled consultations, with the answers only this practitioner reads."""
    return _bookings_page(request)


@practitioner_required
@require_POST
def calendar_feed_renew(request: HttpRequest) -> HttpResponse:
    """Make a new private feed address and show it, once (only its digest is kept)."""
    token = actions.do_renew_calendar_feed(request.user)
    return _bookings_page(request, seo.absolute(reverse("practice:calendar_feed", args=[token])))


@practitioner_required
@require_http_methods(["GET", "HEAD", "POST"])
def booking_cancel(request: HttpRequest, pk: UUID) -> HttpResponse:
    booking = queries.practice_booking(request.user, pk)
    if booking is None:
        raise Http404
    if request.method == "POST":
        actions.do_cancel_booking_for_practice(request.user, booking)
        messages.success(
            request, "The consultation is cancelled, and the person is told by e-mail."
        )
        return redirect("practice:bookings")
    return render(
        request,
        "practice/area/booking_cancel.html",
        {
            "area_nav": "bookings",
            "booking": booking,
            "when": queries.when_words(booking.start, request.user.timezone),  # type: ignore[union-attr]
        },
    )


@require_safe
def calendar_feed_file(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed a calendar program subscribes to: neutral titles, no answers."""
    events = queries.feed_events(token)
    if events is None:
        raise Http404
    return calendar_response(calendar_feed(events, TITLE_FEED), download=False)
