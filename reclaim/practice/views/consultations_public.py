"""The free consultation, for visitors: choose a time, say who you are, confirm by e-mail.

No account is needed. The pages that list free times are public pages (the
same for everyone asking with the same zone), so a cache may share them.
The pages behind a signed link belong to one visitor: they are never shared,
never indexed, and their address is never the canonical one.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from .. import seo
from ..actions import consultations as actions
from ..calendar import Method, calendar_file, calendar_response
from ..forms_consultations import BookingForm, ZoneForm
from ..mail import MailNotSent
from ..protection import honeypot_tripped, over_limit
from ..queries import consultations as queries
from .public import _site, public_page

# What a visitor is told when a time went to someone else meanwhile.
JUST_TAKEN = (
    "Someone else chose that time a moment ago, so it is no longer free. "
    "Here are the times that are still open; what you typed is kept."
)
TOO_MANY = (
    "There have been a lot of tries from here in the last hour. "
    "Please wait a little and try again; what you typed is still here."
)
NOT_SENT = (
    "We could not send the e-mail just now, so nothing was booked. "
    "Please try again in a few minutes; what you typed is still here."
)


def _meta(title: str, path: str | None = None) -> seo.Meta:
    # Pages behind a private link name the public booking page as theirs, so
    # the link itself never appears in a canonical address or a preview.
    return seo.page_meta(
        title,
        "Book a free first consultation: choose a time that suits you, in your own time zone.",
        path or reverse("site:consultation"),
    )


def _zone(request: HttpRequest, fallback: str) -> str:
    chosen = request.GET.get("zone") or request.POST.get("zone") or ""
    return chosen if queries.known_zone(chosen) else fallback


def _person(slug: str) -> Any:
    person = queries.offering_by_slug(slug)
    if person is None:
        raise Http404
    return person


@require_safe
@public_page
def consultation(request: HttpRequest) -> HttpResponse:
    """Who offers consultations: straight to the only one, or a choice."""
    people = queries.offering_practitioners()
    if len(people) == 1:
        return redirect("site:consultation_times", people[0].slug)
    return _site(
        request, "consultation.html", _meta("A free first consultation"), "", people=people
    )


@require_safe
@public_page
def times(request: HttpRequest, slug: str) -> HttpResponse:
    """One practitioner's free times, by day, in the visitor's zone."""
    person = _person(slug)
    zone = _zone(request, person.user.timezone)
    days = queries.slots_by_day(queries.free_slots_for(person.user), zone)
    return _site(
        request,
        "consultation_times.html",
        _meta(f"Free times with {person.name}", reverse("site:consultation_times", args=[slug])),
        "",
        person=person,
        days=days,
        zone=zone,
        zone_words=queries.zone_words(zone),
        zone_form=ZoneForm(initial={"zone": zone}),
        asked_zone="zone" in request.GET,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def book(request: HttpRequest, slug: str) -> HttpResponse:
    """The chosen time, a few questions, a name and an e-mail; then we send the link."""
    person = _person(slug)
    zone = _zone(request, person.user.timezone)
    start = queries.parse_slot_value(request.GET.get("start") or request.POST.get("start", ""))
    if start is None:
        return redirect("site:consultation_times", slug)
    questions = queries.intake_questions_of(person.user)
    form = BookingForm(request.POST or None, questions=questions)
    problem = ""
    if request.method == "POST" and form.is_valid():
        if honeypot_tripped(request.POST):
            # A robot: answer as if all went well, and do nothing.
            return redirect("site:consultation_sent")
        if over_limit(request, "consultation", form.cleaned_data["contact"]):
            problem = TOO_MANY
        else:
            try:
                actions.do_hold_booking(
                    person.user,
                    start,
                    name=form.cleaned_data["name"],
                    contact=form.cleaned_data["contact"],
                    zone=zone,
                    answers=form.answers(),
                )
            except actions.SlotTaken:
                problem = JUST_TAKEN
            except MailNotSent:
                problem = NOT_SENT
            else:
                return redirect("site:consultation_sent")
    slots = queries.free_slots_for(person.user) if problem == JUST_TAKEN else []
    return seo.kept_from_search(
        _site(
            request,
            "consultation_book.html",
            _meta(f"Book a time with {person.name}"),
            "",
            person=person,
            form=form,
            start=queries.slot_value(start),
            when=queries.when_words(start, zone),
            zone=zone,
            problem=problem,
            days=queries.slots_by_day(slots, zone),
        )
    )


@require_safe
def sent(request: HttpRequest) -> HttpResponse:
    return seo.kept_from_search(
        _site(
            request,
            "consultation_sent.html",
            _meta("Check your e-mail"),
            "",
            hold_minutes=queries.HOLD_MINUTES,
        )
    )


def _refused(request: HttpRequest) -> HttpResponse:
    response = _site(request, "consultation_refused.html", _meta("This link has been used"), "")
    response.status_code = 410
    return seo.kept_from_search(response)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mail link. GET only shows a button: mail scanners open links, people press buttons."""
    booking = queries.booking_for_link(queries.CONFIRM_PURPOSE, token)
    if booking is None or booking.status != booking.Status.HELD:
        return _refused(request)
    if request.method == "POST":
        try:
            confirmed = actions.do_confirm_booking(booking, booking.version)
        except actions.LinkRefused:
            return _refused(request)
        manage = queries.link(queries.MANAGE_PURPOSE, confirmed)
        return redirect(reverse("site:consultation_booking", args=[manage]) + "?new=1")
    return seo.kept_from_search(
        _site(
            request,
            "consultation_confirm.html",
            _meta("Confirm your appointment"),
            "",
            when=queries.when_words(booking.start, booking.visitor_zone),
        )
    )


def _managed(token: str) -> Any:
    booking = queries.booking_for_link(queries.MANAGE_PURPOSE, token)
    if booking is None or booking.status == booking.Status.HELD:
        return None
    return booking


@require_safe
def booking_page(request: HttpRequest, token: str) -> HttpResponse:
    """The visitor's own page: when, with whom, the calendar file, change or cancel."""
    booking = _managed(token)
    if booking is None:
        return _refused(request)
    return seo.kept_from_search(
        _site(
            request,
            "consultation_booking.html",
            _meta("Your appointment"),
            "",
            booking=booking,
            token=token,
            just_booked="new" in request.GET,
            when=queries.when_words(booking.start, booking.visitor_zone),
            with_name=queries.practitioner_name(booking.practitioner),
        )
    )


@require_safe
def booking_calendar(request: HttpRequest, token: str) -> HttpResponse:
    booking = _managed(token)
    if booking is None:
        raise Http404
    method: Method = "CANCEL" if booking.status == booking.Status.CANCELLED else "REQUEST"
    return seo.kept_from_search(
        calendar_response(calendar_file(queries.booking_event(booking), method))
    )


@require_http_methods(["GET", "HEAD", "POST"])
def move(request: HttpRequest, token: str) -> HttpResponse:
    """Choose another time for the same booking."""
    booking = _managed(token)
    if booking is None or booking.status != booking.Status.BOOKED:
        return _refused(request)
    zone = _zone(request, booking.visitor_zone)
    problem = ""
    if request.method == "POST":
        start = queries.parse_slot_value(request.POST.get("start", ""))
        try:
            if start is None:
                raise actions.SlotTaken
            moved = actions.do_reschedule_booking(booking, booking.version, start)
        except actions.SlotTaken:
            problem = JUST_TAKEN
        except actions.LinkRefused:
            return _refused(request)
        else:
            manage = queries.link(queries.MANAGE_PURPOSE, moved)
            return redirect(reverse("site:consultation_booking", args=[manage]) + "?moved=1")
    slots = queries.free_slots_for(booking.practitioner, moving=booking)
    return seo.kept_from_search(
        _site(
            request,
            "consultation_move.html",
            _meta("Choose another time"),
            "",
            booking=booking,
            token=token,
            when=queries.when_words(booking.start, booking.visitor_zone),
            days=queries.slots_by_day(slots, zone),
            zone=zone,
            zone_words=queries.zone_words(zone),
            zone_form=ZoneForm(initial={"zone": zone}),
            asked_zone="zone" in request.GET,
            problem=problem,
        )
    )


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """Cancel: one click on the e-mail's link, then one on this page's button."""
    booking = _managed(token)
    if booking is None or booking.status != booking.Status.BOOKED:
        return _refused(request)
    if request.method == "POST":
        try:
            actions.do_cancel_booking(booking, booking.version)
        except actions.LinkRefused:
            return _refused(request)
        return seo.kept_from_search(
            _site(
                request, "consultation_cancelled.html", _meta("Your appointment is cancelled"), ""
            )
        )
    return seo.kept_from_search(
        _site(
            request,
            "consultation_cancel.html",
            _meta("Cancel your appointment"),
            "",
            token=token,
            when=queries.when_words(booking.start, booking.visitor_zone),
        )
    )
