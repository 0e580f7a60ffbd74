from typing import Any

from django.conf import settings
from django.http import HttpRequest


def reclaim(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    discreet = bool(signed_in and user.discreet_mode)
    minutes = (user.autolock_minutes if signed_in else None) or settings.RECLAIM_AUTOLOCK_MINUTES
    return {
        "site_name": settings.RECLAIM_DISCREET_NAME if discreet else settings.RECLAIM_SITE_NAME,
        "discreet": discreet,
        "exit_url": settings.RECLAIM_EXIT_URL,
        "autolock_seconds": minutes * 60 if signed_in else 0,
    }
