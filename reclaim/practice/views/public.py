"""The public site's pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    """The practice's front page at `/` for visitors who are not signed in."""
    return render(request, "core/home.html")
