"""The program of lessons, one lesson, and marking where the member is.

Reading never writes: a lesson page only shows. Where the member is in a
lesson changes only when they press a button (POST).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from . import actions, queries
from .lessons import Lesson, all_lessons, get_lesson, lesson_html, neighbours

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest


def _lesson_or_404(slug: str) -> Lesson:
    found = get_lesson(slug)
    if found is None:
        raise Http404("No such lesson.")
    return found


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    states = queries.program(request.user)
    return render(
        request,
        "learn/index.html",
        {
            "nav": "learn",
            "states": states,
            "total": len(states),
            "finished": queries.finished_count(states),
            "started_any": any(s.started for s in states),
            "upcoming": queries.next_of(states),
        },
    )


@login_required
@require_GET
def lesson(request: MemberRequest, slug: str) -> HttpResponse:
    found = _lesson_or_404(slug)
    previous, following = neighbours(found)
    return render(
        request,
        "learn/lesson.html",
        {
            "nav": "learn",
            "lesson": found,
            "body": lesson_html(found),
            "state": queries.state_of(request.user, found),
            "tool": found.related_tool,
            "tool_url": reverse(found.related_tool.index) if found.related_tool else "",
            "previous": previous,
            "next": following,
            "total": len(all_lessons()),
        },
    )


def _mark(
    request: HttpRequest,
    slug: str,
    action: Callable[..., object],
    said: str,
) -> HttpResponse:
    found = _lesson_or_404(slug)
    action(request.user, found)
    messages.success(request, said)
    return redirect(reverse("learn:lesson", args=[found.slug]) + "#progress")


@login_required
@require_POST
def start(request: MemberRequest, slug: str) -> HttpResponse:
    return _mark(
        request, slug, actions.do_start, "Your place is kept. Come back whenever you like."
    )


@login_required
@require_POST
def finish(request: MemberRequest, slug: str) -> HttpResponse:
    return _mark(request, slug, actions.do_finish, "Marked as finished.")


@login_required
@require_POST
def unfinish(request: MemberRequest, slug: str) -> HttpResponse:
    return _mark(request, slug, actions.do_unfinish, "Marked as not finished.")
