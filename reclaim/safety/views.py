from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import lines


def country_for(request: HttpRequest) -> str:
    """The member's country; else the one asked for; else a guess from the browser's language."""
    asked = request.GET.get("country", "").strip()
    if asked:
        return asked
    user = request.user
    if user.is_authenticated and user.country:
        return user.country
    for part in request.headers.get("Accept-Language", "").split(","):
        tag = part.split(";")[0].strip()
        if "-" in tag:
            return tag.split("-")[1]
    return ""


@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """Get help now: one tap from every page, signed in or not."""
    country = lines.load_country(country_for(request))
    return render(
        request,
        "safety/help.html",
        {"country": country, "countries": lines.all_countries()},
    )
