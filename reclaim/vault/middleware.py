from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .crypto import key_cache


class KeyCacheMiddleware:
    """Keep unwrapped data keys for the length of one request, never longer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with key_cache():
            return self.get_response(request)
