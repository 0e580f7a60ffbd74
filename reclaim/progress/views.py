from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.accounts.queries import with_display_name
from reclaim.core.numbers import period_words
from reclaim.journal.queries import recent_entries
from reclaim.learn.queries import next_lesson
from reclaim.toolkit.calm.queries import due_thoughts

from . import summary as summary_module
from .figures import period_start
from .forms import SummaryForm
from .progress import PERIODS, progress_body
from .today import greeting, today_picture, tool_suggestion
from .trends import lighter_note

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

RECENT_ENTRIES = 5


@login_required
@require_GET
def today(request: MemberRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    picture = today_picture(user, now)
    return render(
        request,
        "progress/today.html",
        {
            "nav": "today",
            "greeting": greeting(with_display_name(user).name_to_show, now.astimezone(user.zone)),
            "picture": picture,
            "suggestion": tool_suggestion(picture),
            "lesson": next_lesson(user),
            "calm_due": due_thoughts(user, now),
            "entries": recent_entries(user, RECENT_ENTRIES),
            "lighter_note": lighter_note(),
        },
    )


@login_required
@require_GET
def progress(request: MemberRequest) -> HttpResponse:
    """Questionnaires over time, check-in trends over 7, 30 or 90 days, and what helped."""
    days = PERIODS.chosen(request.GET.get("days"))
    return render(
        request,
        "progress/progress.html",
        {"nav": "progress", "body": progress_body(request.user, timezone.now(), days)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def summary(request: MemberRequest) -> HttpResponse:
    """Choose what goes into the summary (GET), then download it as a PDF (POST).

    The PDF is made in memory and handed straight back: it is never saved on
    the server, and the response tells the browser not to keep a copy either.
    """
    user = request.user
    today = summary_module.local_today(user)
    source = request.POST if request.method == "POST" else request.GET
    days = summary_module.PERIODS.chosen(source.get("days"))
    in_period = summary_module.entries_in_period(user, today, days)
    # Only the ids are needed to check a choice; the titles and bodies are
    # opened below, only when the picking list is shown again.
    ids = [str(entry.id) for entry in in_period]
    if request.method == "POST":
        form = SummaryForm(request.POST, entry_ids=ids)
        if form.is_valid():
            data = form.cleaned_data
            pdf = summary_module.render_summary_pdf(
                user,
                entry_ids=data["entries"],
                days=data["days"],
                include_scores=data["include_scores"],
                include_checkins=data["include_checkins"],
            )
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = (
                f'attachment; filename="{summary_module.filename(user)}"'
            )
            response["Cache-Control"] = "no-store, max-age=0"
            return response
        # Everything ticked stays ticked, so nothing has to be chosen twice.
        chosen = {value for value in request.POST.getlist("entries") if value in ids}
        include_checkins = bool(request.POST.get("include_checkins"))
        include_scores = bool(request.POST.get("include_scores"))
    else:
        form = SummaryForm(initial={"days": days}, entry_ids=ids)
        chosen = set()
        include_checkins = include_scores = True
    return render(
        request,
        "progress/summary.html",
        {
            "nav": "progress",
            "form": form,
            "days": days,
            "periods": [(p, period_words(p)) for p in summary_module.PERIODS.choices],
            "entries": summary_module.pickables(in_period),
            "chosen": chosen,
            "include_checkins": include_checkins,
            "include_scores": include_scores,
            "start": period_start(today, days),
        },
    )
