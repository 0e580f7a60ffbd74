"""The project's URLs, with a stand-in practice area while the real one is not there.

The team's tests follow a practitioner to `practice:index`, which the
practice-area work provides. Until both are merged, this urlconf answers that
name with a plain page behind the same gate; once the real area has an
index, it is used unchanged and this module changes nothing.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLResolver, include, path

from reclaim import urls as project
from reclaim.practice import urls_area
from reclaim.practice.access import practitioner_required


@practitioner_required
def _stand_in(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        "<!doctype html><html lang='en'><head><title>Practice</title></head>"
        "<body><main><h1>Your practice</h1></main></body></html>"
    )


def _has_index() -> bool:
    return any(getattr(p, "name", None) == "index" for p in urls_area.urlpatterns)


def _area(entry: object) -> object:
    if isinstance(entry, URLResolver) and entry.namespace == "practice" and not _has_index():
        return path("practice/", include(([path("", _stand_in, name="index")], "practice")))
    return entry


urlpatterns = [_area(entry) for entry in project.urlpatterns]
handler404 = project.handler404
handler500 = project.handler500
