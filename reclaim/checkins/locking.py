"""What happens to a check-in that arrives after the app has locked.

The member pressed Save on a finished check-in; only the idle limit came
between. Rather than drop their note, the check-in is saved as it is, when
it is complete and valid. An incomplete one is not guessed at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import QueryDict

from . import actions, queries
from .forms import CheckInForm

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def save_on_lock(user: User, data: QueryDict) -> bool:
    own = queries.own_trigger_names(user)
    form = CheckInForm(data, own_triggers=own)
    if not form.is_valid():
        return False
    actions.do_create_checkin(user, form.checkin_data(), own_triggers=own)
    return True
