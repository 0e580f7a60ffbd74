"""The practice's own offers, linked only once they exist.

The practice area (webinars, consultations) is built later. Until its URL
is there, the support page shows nothing about it, so it never links to a
page that does not exist. No setting to forget: the route is the switch.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse


def practice_offers_url() -> str | None:
    """Where the practice's free webinar and first consultation live, or None for now."""
    try:
        return reverse("practice:consultations")
    except NoReverseMatch:
        return None
