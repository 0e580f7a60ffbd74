from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from reclaim.journal.queries import recent_entries

from .today import greeting, today_picture

RECENT_ENTRIES = 5


@login_required
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    return render(
        request,
        "progress/today.html",
        {
            "nav": "today",
            "greeting": greeting(user.name_to_show, now.astimezone(user.zone)),
            "picture": today_picture(user, now),
            "entries": recent_entries(user, RECENT_ENTRIES),
        },
    )
