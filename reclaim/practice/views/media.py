"""Pictures at /media/<digest>.<ext>: public, and the same address always means the same bytes.

The address carries the digest of the bytes, so a browser or a shared cache
may keep a picture for a year without asking again. An unknown digest, or
the right digest with the wrong extension, is a plain 404.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_safe

from reclaim.core.middleware import mark_public

from ..images import extension_of
from ..queries import area as queries

CACHE_FOR_GOOD = "public, max-age=31536000, immutable"


@require_safe
def image(request: HttpRequest, digest: str, ext: str) -> HttpResponse:
    found = queries.image_by_digest(digest)
    if found is None or extension_of(found) != ext:
        raise Http404
    etag = f'"{found.digest}"'
    response: HttpResponse
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(bytes(found.data), content_type=found.content_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_FOR_GOOD
    response["X-Content-Type-Options"] = "nosniff"
    return mark_public(response)
