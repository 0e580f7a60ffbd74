"""The app's URLs plus a stand-in `practice:consultations`, as if the practice area existed."""

from django.http import HttpResponse
from django.urls import include, path

from reclaim.urls import urlpatterns as app_urls


def _consultations(request):
    return HttpResponse("consultations")


urlpatterns = [
    *app_urls,
    path(
        "practice/",
        include(([path("consultations/", _consultations, name="consultations")], "practice")),
    ),
]
