from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .calm.queries import due_thoughts
from .registry import GROUPS, tools_in

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    groups = [(group, tools_in(group)) for group in GROUPS]
    return render(
        request,
        "toolkit/index.html",
        {
            "nav": "toolkit",
            "calm_due": due_thoughts(request.user),
            "steps": [(g, t) for g, t in groups if g.kind == "step"],
            "strategies": [(g, t) for g, t in groups if g.kind == "strategy"],
            "moments": [(g, t) for g, t in groups if g.kind == "moment"],
        },
    )
