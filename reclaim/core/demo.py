"""The demo member that `reclaim demo` creates, with believable history.

Core knows no feature app. Each app owns its demo history in its own
`demo.py` with a function `seed(user, days, today)`; this module finds those
modules among the installed apps and calls them in the order of
`INSTALLED_APPS` (check-ins, questionnaires, journal, lessons, then each
tool), so the same settings always give the same demo. A new app joins the
demo by adding that one function, nothing here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from importlib import import_module
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "quiet-harbour-morning"

# What every app's `demo.seed` is called with: the member, how many days of
# history to make, and the member's own today (the last day of that history).
DemoSeeder = Callable[[Any, int, date], None]


def demo_seeders() -> Iterator[tuple[str, DemoSeeder]]:
    """Each installed app's `demo.seed`, with the app's name, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "demo"):
            continue
        seed = getattr(import_module(f"{config.name}.demo"), "seed", None)
        if callable(seed):
            yield config.name, seed


@transaction.atomic
def make_demo_member(days: int = 90) -> tuple[str, str]:
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={
            "country": "GB",
            "timezone": "Europe/London",
            "onboarded": timezone.now(),
        },
    )
    user.set_password(DEMO_PASSWORD)
    # Sealed with the member's own key, so it is set on the saved row.
    user.display_name = "Sam"
    seal(user)
    user.save()
    if created:
        today = timezone.localdate(timezone.now(), user.zone)
        with key_cache():
            for _name, seed in demo_seeders():
                seed(user, days, today)
    return DEMO_USERNAME, DEMO_PASSWORD
