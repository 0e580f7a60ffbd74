from django.http import HttpRequest, HttpResponse
from django.template import loader


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(loader.render_to_string("core/404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors here: the error may have come from them.
    return HttpResponse(loader.render_to_string("core/500.html"), status=500)


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """allauth's rate limits answer with this (ROOT_URLCONF.handler429), in our words."""
    return HttpResponse(loader.render_to_string("core/429.html", request=request), status=429)
