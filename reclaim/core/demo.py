"""The demo member that `reclaim demo` creates, with believable history."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from reclaim.vault.fields import seal

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "quiet-harbour-morning"


@transaction.atomic
def make_demo_member(days: int = 90) -> tuple[str, str]:
    from reclaim.accounts.models import User
    from reclaim.assessments.demo import seed_results
    from reclaim.checkins.demo import seed_checkins
    from reclaim.journal.demo import seed_journal
    from reclaim.learn.demo import seed as seed_lessons
    from reclaim.toolkit.demo import seed_toolkit
    from reclaim.vault.crypto import key_cache

    user, created = User.objects.get_or_create(
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
        with key_cache():
            seed_checkins(user, days)
            seed_journal(user, days)
            seed_results(user, {"phq9": 5, "gad7": 5, "who5": 5, "pcl5": 3}, days=days)
            seed_toolkit(user, days, timezone.localdate(timezone.now(), user.zone))
            seed_lessons(user, timezone.localdate(timezone.now(), user.zone))
    return DEMO_USERNAME, DEMO_PASSWORD
