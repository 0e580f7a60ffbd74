"""The request a signed-in page receives, for type checking.

Django types ``request.user`` as a member or an anonymous visitor. Behind
``@login_required`` it is always a member, and views read the member's own
fields (time zone, country, discreet mode); annotating such a view with
``MemberRequest`` says so once, instead of a check in every view.
"""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class MemberRequest(HttpRequest):
    """A request that ``login_required`` let through: its user is a signed-in member."""

    user: User
