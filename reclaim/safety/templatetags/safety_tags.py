"""``{% safety_panel %}``: the calm panel that follows a moment of risk, on the next page.

base.html includes it once, under the messages. It costs nothing on an ordinary page:
it only looks in the database when the session names a pending event.
"""

from __future__ import annotations

import logging
from typing import Any

from django import template

from .. import lines, queries, response
from ..forms import SafetyCheckForm

register = template.Library()
log = logging.getLogger("reclaim.safety")


def plan_summary(user) -> dict[str, Any] | None:
    """The parts of the member's plan that help most in the moment: why, and whom to call."""
    plan = queries.safety_plan_of(user)
    if plan is None or plan.is_empty:
        return None
    return {
        "reasons": plan.items("reasons"),
        "people": [
            {"text": item, "links": response.reach_links(item)} for item in plan.items("people")
        ],
    }


@register.inclusion_tag("safety/_crisis_panel.html", takes_context=True)
def safety_panel(context: template.Context) -> dict[str, Any]:
    # The panel is on every page, error pages included: a problem here must cost the
    # panel, never the page (and the "Get help now" link in the header with it).
    try:
        return _panel_context(context)
    except Exception as error:
        log.error("safety panel could not be shown: %s", type(error).__name__)
        return {"event": None}


def _panel_context(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    event = response.pending_event(request) if request is not None else None
    if event is None:
        return {"event": None}
    kind = response.panel_kind(event)
    country = lines.load_country(response.country_for(request))
    return {
        "event": event,
        "kind": kind,
        "urgent": event.level == "urgent",
        "country": country,
        "first_line": country.crisis_lines[0] if country.crisis_lines else None,
        "other_lines": country.crisis_lines[1:],
        "plan": plan_summary(request.user),
        "check_form": SafetyCheckForm(initial={"event": event.pk}, prefix=SafetyCheckForm.PREFIX),
        # The abuse check asks only whether the member is safe: the other question
        # would be out of place when the danger comes from someone else.
        "ask_thinking": kind == "urgent",
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
