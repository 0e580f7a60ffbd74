"""The practice's own offers (its free first consultation and webinar), linked only when there are some.

They live on the practice's public site. When no practitioner offers
consultations and no webinar is coming up, the support page says nothing
about them, so it never sends a member to an empty page.
"""

from __future__ import annotations

from django.urls import reverse

from reclaim.practice.queries.consultations import offering_practitioners
from reclaim.practice.queries.webinars import next_webinar


def practice_offers_url() -> str | None:
    """Where the practice's free consultation (or, failing that, its webinar) is, or None."""
    if offering_practitioners():
        return reverse("site:consultation")
    if next_webinar() is not None:
        return reverse("site:webinars")
    return None
