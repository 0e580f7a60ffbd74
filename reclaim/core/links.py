"""Links to many rows of one kind, worked out with one `reverse()` for the lot.

A list page links every row to its own page. `reverse()` costs about as much
as the rest of a row's work (20 µs, against a page's few milliseconds), so a
list of thirty would spend more on its links than on its words. The address
of a route that takes one id is the same for every row but for the id, so it
is worked out once, with a stand-in id, and each row's id put in its place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.urls import reverse

# An id no row has, which the route's converter writes as it would any other.
_STAND_IN = uuid.UUID(int=0)


def link_maker(route: str) -> Callable[[object], str]:
    """The address of `route` for any one id, as `reverse(route, args=[id])` gives it.

    For routes whose one argument is a UUID (`<uuid:pk>`): the id is written
    as that converter writes it.
    """
    before, after = reverse(route, args=[_STAND_IN]).split(str(_STAND_IN))
    return lambda pk: f"{before}{pk}{after}"
