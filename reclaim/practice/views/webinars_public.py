"""The webinars on the public site, and each registrant's own pages.

The list and a webinar's page are the same for every visitor (cached,
no cookie). A registrant's pages are reached by the signed links in their
e-mails; they are theirs alone, so they are never cached and never
indexed, and only there (and in reminders) does the room link appear.

Visitors' forms here carry no CSRF token, so the webinar page stays
cookie-free and shareable. Forging them gains nothing: registering sends
a confirmation link to the address given, and the confirm and cancel
buttons only work with the secret in their own address.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import seo
from ..actions import webinars as actions
from ..calendar import calendar_file, calendar_response
from ..forms_webinars import RegistrationForm
from ..protection import SCOPE_WEBINAR, honeypot_tripped, over_limit
from ..queries import public as public_queries
from ..queries import webinars as queries
from .public import _site, public_page

TOO_MANY = (
    "We have had a lot of registrations from here in the last hour. "
    "Could you try again a little later? Your words are still here."
)


def _event_data(webinar: Any, path: str) -> dict[str, Any]:
    """What search engines may know of a webinar: never its room link."""
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": webinar.title,
        "startDate": webinar.start.isoformat(),
        "endDate": webinar.end.isoformat(),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "VirtualLocation", "url": seo.absolute(path)},
        "isAccessibleForFree": True,
        "url": seo.absolute(path),
    }


@require_safe
@public_page
def webinars(request: HttpRequest) -> HttpResponse:
    meta = seo.page_meta(
        "Free webinars",
        "Free online webinars from the practice: come as you are, listen, and ask if you like.",
        reverse("site:webinars"),
    )
    return _site(
        request,
        "webinars.html",
        meta,
        "webinars",
        upcoming=[(w, queries.when_words(w)) for w in queries.upcoming_webinars()],
        replays=queries.replays(),
    )


def _webinar_page(
    request: HttpRequest, webinar: Any, form: RegistrationForm, status: int = 200
) -> HttpResponse:
    path = reverse("site:webinar", args=[webinar.slug])
    meta = seo.Meta(
        title=webinar.title,
        description=seo.shorten(f"A free webinar on {queries.when_words(webinar)}."),
        path=path,
        structured=seo.json_ld(_event_data(webinar, path)),
    )
    response = _site(
        request,
        "webinar.html",
        meta,
        "webinars",
        webinar=webinar,
        when=queries.when_words(webinar),
        seats=queries.seats(webinar),
        open=queries.is_open(webinar),
        replay=webinar.replay_available(),
        host=webinar.host if webinar.host.listed else None,
        form=form,
    )
    response.status_code = status
    return response


def _published(slug: str) -> Any:
    found = queries.public_webinar(slug)
    if found is None:
        raise Http404
    return found


@require_safe
@public_page
def webinar(request: HttpRequest, slug: str) -> HttpResponse:
    return _webinar_page(request, _published(slug), RegistrationForm())


@csrf_exempt
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    found = _published(slug)
    form = RegistrationForm(request.POST)
    done = redirect("site:webinar_check_email", found.slug)
    if honeypot_tripped(request.POST):
        # Answered as if all went well, so a bot learns nothing.
        return done
    if not form.is_valid():
        return _webinar_page(request, found, form, status=400)
    if over_limit(request, SCOPE_WEBINAR, form.cleaned_data["email"]):
        form.add_error(None, TOO_MANY)
        return _webinar_page(request, found, form, status=429)
    try:
        actions.do_register(
            found,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            question=form.cleaned_data["question"],
        )
    except actions.WebinarClosed as closed:
        form.add_error(None, str(closed))
        return _webinar_page(request, found, form, status=400)
    return done


@require_safe
@public_page
def check_email(request: HttpRequest, slug: str) -> HttpResponse:
    found = _published(slug)
    meta = seo.page_meta(
        "Check your e-mail", "", reverse("site:webinar_check_email", args=[found.slug])
    )
    return _site(
        request,
        "webinar_check_email.html",
        meta,
        "webinars",
        webinar=found,
        hours=int(queries.CONFIRM_WITHIN.total_seconds() // 3600),
    )


def _own_page(
    request: HttpRequest, template: str, title: str, status: int = 200, **context: Any
) -> HttpResponse:
    registration = context.get("registration")
    path = reverse("site:webinars")
    if registration is not None:
        path = reverse("site:webinar", args=[registration.webinar.slug])
    return seo.kept_from_search(
        render(
            request,
            f"practice/public/{template}",
            {
                "meta": seo.page_meta(title, "", path),
                "listed": public_queries.listed_practitioners(),
                "nav": "webinars",
                **context,
            },
            status=status,
        )
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The link in the first e-mail: a button to confirm (a mail scanner's visit changes nothing)."""
    registration, unused = queries.registration_to_confirm(slug, token)
    if request.method == "POST" and unused:
        try:
            confirmed = actions.do_confirm(registration.pk, registration.version)
        except actions.WebinarClosed as closed:
            return _own_page(
                request,
                "webinar_confirm.html",
                "Confirm your place",
                status=400,
                registration=registration,
                when=queries.when_words(registration.webinar),
                problem=str(closed),
            )
        if confirmed is not None:
            return redirect("site:webinar_place", slug, queries.place_token(confirmed))
        unused = False
    return _own_page(
        request,
        "webinar_confirm.html",
        "Confirm your place",
        registration=registration,
        when=queries.when_words(registration.webinar),
        used=not unused,
    )


@require_safe
def place(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """A registrant's own page: their place, the room link when confirmed, the calendar file."""
    registration = queries.registrant(slug, token)
    waiting = registration.state == registration.State.WAITLISTED
    return _own_page(
        request,
        "webinar_place.html",
        "Your place",
        registration=registration,
        webinar=registration.webinar,
        when=queries.when_words(registration.webinar),
        token=token,
        calendar_path=queries.calendar_path(registration),
        room=queries.shows_room(registration),
        rank=queries.wait_rank(registration) if waiting else None,
        replay=registration.webinar.replay_available(),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """Give up a place: one button, then a page that says it is done."""
    registration = queries.registrant(slug, token)
    if request.method == "POST":
        actions.do_cancel(registration.pk, registration.version)
        return _own_page(
            request,
            "webinar_cancelled.html",
            "Cancelled",
            registration=registration,
            webinar=registration.webinar,
        )
    return _own_page(
        request,
        "webinar_cancel.html",
        "Cancel your place",
        registration=registration,
        webinar=registration.webinar,
        when=queries.when_words(registration.webinar),
        token=token,
    )


@require_safe
def calendar(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The registrant's calendar file (confirmed places only)."""
    registration = queries.registrant(slug, token)
    if registration.state != registration.State.CONFIRMED:
        raise Http404
    body = calendar_file(queries.calendar_event(registration), "REQUEST")
    return seo.kept_from_search(calendar_response(body))
