"""The product's URLs and, for bench/http.py only, a bare view in front of them.

The bare view does no page work: it says whether the request is signed in
(so the benchmark can check it measured what it meant to, and the shell's
session and member lookups run as on any page) and nothing else.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

import reclaim.urls

BARE_PATH = "bench-bare/"


def bare(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    return HttpResponse("signed in" if signed_in else "signed out", content_type="text/plain")


urlpatterns = [path(BARE_PATH, bare), *reclaim.urls.urlpatterns]
handler404 = reclaim.urls.handler404
handler500 = reclaim.urls.handler500
handler429 = reclaim.urls.handler429
