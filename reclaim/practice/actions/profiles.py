"""Every write to a practitioner's public profile.

A profile starts unlisted, made the first time it is needed (an article
needs an author), and is shown on the public site only once its
practitioner ticks "Show my profile on the public site".
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from reclaim.accounts.actions import do_update_settings

from .. import audit
from ..images import store_image
from ..models import Practitioner

# The audit log's names for these writes: one home, read by the tests too.
PROFILE_CREATE = "profile.create"
PROFILE_CHANGE = "profile.change"

SLUG_TAKEN = "Another profile uses that web address. Could you choose another?"


def fitting_slug(model: Any, wanted: str, source: str) -> str:
    """The slug as typed, or one made from `source`, cut to fit the model's field."""
    limit = int(model._meta.get_field("slug").max_length)
    return (wanted or slugify(source) or "untitled")[:limit].strip("-")


def _free_slug(base: str) -> str:
    """`base`, or `base-2`, `base-3` … whichever no profile has yet."""
    base = fitting_slug(Practitioner, "", base)[:70]
    slug, n = base, 1
    while Practitioner.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def profile_of(user: Any) -> Practitioner:
    """The practitioner's profile, made (unlisted, named after the account) the first time."""
    found = Practitioner.objects.filter(user=user).first()
    if found is not None:
        return found
    profile = Practitioner.objects.create(
        user=user, name=user.username, slug=_free_slug(user.username)
    )
    audit.record(user, PROFILE_CREATE, profile)
    return profile


@transaction.atomic
def do_save_profile(
    user: Any,
    *,
    name: str,
    slug: str,
    credentials: str,
    approach: str,
    areas: str,
    listed: bool,
    photo: Any = None,
    photo_alt: str = "",
    remove_photo: bool = False,
    zone: str = "",
    response_hours: str = "",
) -> Practitioner:
    """Change the practitioner's own profile (and their clock); raises ValidationError or ImageRejected."""
    profile = profile_of(user)
    if zone and zone != user.timezone:
        do_update_settings(user, {"timezone": zone})
    slug = fitting_slug(Practitioner, slug, name)
    if Practitioner.objects.filter(slug=slug).exclude(pk=profile.pk).exists():
        raise ValidationError({"slug": SLUG_TAKEN})
    profile.name = name
    profile.slug = slug
    profile.credentials = credentials
    profile.approach = approach
    profile.areas = "\n".join(line.strip() for line in areas.splitlines() if line.strip())
    profile.listed = listed
    profile.response_hours = response_hours.strip()
    if remove_photo:
        profile.photo = None
    if photo is not None:
        profile.photo = store_image(photo, user)
    profile.photo_alt = photo_alt if profile.photo is not None else ""
    profile.save()
    audit.record(user, PROFILE_CHANGE, profile)
    return profile
