"""The practice area's webinars: plan one, publish it, see who is coming, export the list.

Every page is for practitioners with two-factor set up (access.py). A
small practice shares its webinars as it shares its articles; the audit
log says who did what.
"""

from __future__ import annotations

import csv
import zoneinfo
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ..access import practitioner_required
from ..actions import webinars as actions
from ..forms_webinars import WebinarForm
from ..queries import webinars as queries

# What a spreadsheet would run as a formula when a cell starts with it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula sign gets a ' before it."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _initial(webinar: Any) -> dict[str, Any]:
    if webinar is None:
        return {"duration_minutes": 60, "capacity": 50}
    zone = zoneinfo.ZoneInfo(webinar.zone)

    def local(when: Any) -> Any:
        # The field shows the time on the webinar's own clock.
        return timezone.localtime(when, zone).replace(tzinfo=None) if when else None

    return {
        "title": webinar.title,
        "slug": webinar.slug,
        "description": webinar.description,
        "start": local(webinar.start),
        "zone": webinar.zone,
        "duration_minutes": webinar.duration_minutes,
        "capacity": webinar.capacity,
        "room_link": webinar.room_link,
        "replay_link": webinar.replay_link,
        "replay_until": local(webinar.replay_until),
    }


@practitioner_required
@require_http_methods(["GET"])
def webinar_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practice/area/webinars.html",
        {"area_nav": "webinars", "webinars": queries.area_webinars()},
    )


def _form_page(request: HttpRequest, webinar: Any) -> HttpResponse:
    if request.method != "POST":
        initial = _initial(webinar)
        initial.setdefault("zone", str(request.user.zone))  # type: ignore[union-attr]
        form = WebinarForm(initial=initial)
        status = 200
    else:
        form = WebinarForm(request.POST)
        if form.is_valid() and webinar is None:
            form.clean_for_new()
        if form.is_valid():
            try:
                saved = actions.do_save_webinar(request.user, webinar, **form.cleaned_data)
            except ValidationError as problem:
                form.add_error(None, problem)
            else:
                messages.success(request, "Saved.")
                return redirect("practice:webinar_edit", saved.pk)
        status = 400
    return render(
        request,
        "practice/area/webinar_form.html",
        {
            "area_nav": "webinars",
            "form": form,
            "webinar": webinar,
            "when": queries.when_words(webinar) if webinar else "",
        },
        status=status,
    )


@practitioner_required
@require_http_methods(["GET", "POST"])
def webinar_new(request: HttpRequest) -> HttpResponse:
    return _form_page(request, None)


@practitioner_required
@require_http_methods(["GET", "POST"])
def webinar_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(request, queries.area_webinar(pk))


@practitioner_required
@require_POST
def webinar_publish(request: HttpRequest, pk: int) -> HttpResponse:
    webinar = actions.do_publish_webinar(request.user, queries.area_webinar(pk))
    messages.success(request, "Published. It is on the public site, open for registration.")
    return redirect("practice:webinar_edit", webinar.pk)


@practitioner_required
@require_http_methods(["GET", "POST"])
def webinar_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    webinar = queries.area_webinar(pk)
    if request.method == "POST":
        actions.do_cancel_webinar(request.user, webinar)
        messages.success(request, f"“{webinar.title}” is called off. Everyone registered is told.")
        return redirect("practice:webinars")
    return render(
        request,
        "practice/area/webinar_cancel.html",
        {"area_nav": "webinars", "webinar": webinar, "seats": queries.seats(webinar)},
    )


@practitioner_required
@require_http_methods(["GET"])
def webinar_people(request: HttpRequest, pk: int) -> HttpResponse:
    webinar = queries.area_webinar(pk)
    return render(
        request,
        "practice/area/webinar_people.html",
        {
            "area_nav": "webinars",
            "webinar": webinar,
            "when": queries.when_words(webinar),
            "people": queries.people(webinar),
            "zone": request.user.zone,  # type: ignore[union-attr]
        },
    )


@practitioner_required
@require_http_methods(["GET"])
def webinar_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Registrants and the wait-list as a CSV file, safe to open in a spreadsheet."""
    webinar = queries.area_webinar(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    # A neutral file name: a downloads folder says nothing about what it holds.
    response["Content-Disposition"] = f'attachment; filename="registrations-{webinar.pk}.csv"'
    writer = csv.writer(response)
    for row in queries.export_rows(webinar):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
