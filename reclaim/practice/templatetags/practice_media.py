"""The address of an uploaded picture, for `practice/_image.html`."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from ..images import extension_of

register = template.Library()


@register.filter
def media_url(image: Any) -> str:
    """Where the picture is served: /media/<digest>.<ext>."""
    return reverse("media:image", args=[image.digest, extension_of(image)])
