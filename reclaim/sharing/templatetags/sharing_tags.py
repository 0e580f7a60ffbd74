"""``{% share_this "boundaries" boundary.pk %}``: a quiet "Share this" link on a toolkit entry.

Shown only while the member is connected with a practitioner: someone who
never connected sees no mention of sharing on their tools.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import template
from django.urls import reverse

from .. import queries

register = template.Library()


@register.inclusion_tag("sharing/_share_this.html", takes_context=True)
def share_this(context: template.Context, module: str, entry_id: uuid.UUID) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not queries.has_live_connection(user):
        return {"url": ""}
    return {"url": reverse("sharing:tool_entry", args=[module, entry_id])}
