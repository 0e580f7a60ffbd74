from typing import Any

from django.conf import settings
from django.http import HttpRequest


def reclaim(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    member = user if user is not None and user.is_authenticated else None
    signed_in = member is not None
    discreet = bool(member is not None and member.discreet_mode)
    minutes = (member.autolock_minutes if member is not None else None) or (
        settings.RECLAIM_AUTOLOCK_MINUTES
    )
    return {
        "site_name": settings.RECLAIM_DISCREET_NAME if discreet else settings.RECLAIM_SITE_NAME,
        "discreet": discreet,
        "exit_url": settings.RECLAIM_EXIT_URL,
        "autolock_seconds": minutes * 60 if signed_in else 0,
    }
