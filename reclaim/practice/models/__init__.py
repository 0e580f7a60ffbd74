"""The practice's models, one module per part: site.py (profiles, articles,
topics, pictures), team.py (invitations, the audit log), webinars.py
(webinars and their registrations).

Nothing here is a member's content. Articles and profiles are written to be
public; the audit log names who did what to which practice object, never
what a member wrote.
"""

from .consultations import (
    AvailabilityException,
    AvailabilityRule,
    Booking,
    ConsultationSettings,
)
from .site import Article, ArticleQuerySet, Category, Image, OldSlug, Practitioner
from .team import AuditEntry, Invitation
from .webinars import Registration, Webinar

__all__ = [
    "Article",
    "AvailabilityException",
    "AvailabilityRule",
    "Booking",
    "ConsultationSettings",
    "ArticleQuerySet",
    "AuditEntry",
    "Category",
    "Image",
    "Invitation",
    "OldSlug",
    "Practitioner",
    "Registration",
    "Webinar",
]
