from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reclaim.toolkit.registry import tool

from .offers import practice_offers_url

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("support")


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    """Ways to find support. Nothing is saved here, so it reads nothing about the member."""
    return render(
        request,
        "support/index.html",
        {"nav": "toolkit", "tool": TOOL, "practice_offers": practice_offers_url()},
    )
