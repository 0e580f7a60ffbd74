"""Account-wide sign-in limits that slow a guesser and never lock the owner out.

allauth's own `login_failed` limit counts failures per account *and address*
(see the adapter), which stops one address from guessing fast but not a
guesser spread over many addresses. This module adds the account-wide part.

Failures are counted per account in separate buckets, across every address:

- one bucket for all browsers the account has not signed in on before;
- one bucket per known device (a browser holding our signed cookie from an
  earlier sign-in, see `known_device`).

After a few free failures, each further try in a bucket has to wait, and the
wait doubles with each failure up to a ceiling: a guesser gets a handful of
tries an hour, and nothing is ever locked for good. A stranger's guesses land
in the unknown bucket, so they can never slow the member's own devices; and
whoever holds a copy of one device's cookie (someone with that device in
hand) can only slow that device, not the member's others. A correct password
is never counted, and the wait is checked before the password, so a try
during a wait reveals nothing about it.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache

# Failures allowed in a bucket before the waits begin. Typos by the member
# themselves rarely reach this; the per-address limit holds one address to
# five tries in five minutes before then.
FREE_FAILURES = 10
# The first wait, doubling with each further failure, up to CEILING.
FIRST_WAIT = 15
CEILING = 15 * 60
# Failures are forgotten a day after the last one.
MEMORY = 24 * 3600


def _now() -> float:
    return time.time()


@dataclass(frozen=True)
class Bucket:
    """Where one sign-in try is counted: an account, from a known device or not."""

    login: str
    device: str | None

    @property
    def key(self) -> str:
        # The cache never sees a sign-in name, only a digest of it.
        name = hashlib.sha256(self.login.encode()).hexdigest()[:32]
        return f"reclaim:signin:{name}:{self.device or 'unknown'}"

    def _state(self) -> tuple[int, float]:
        failures, last = cache.get(self.key, (0, 0.0))
        return failures, last

    def wait(self) -> float:
        """Seconds until the next try may be checked; 0 when it may be now."""
        failures, last = self._state()
        if failures < FREE_FAILURES:
            return 0.0
        return max(0.0, last + self._delay(failures) - _now())

    @staticmethod
    def _delay(failures: int) -> int:
        return min(FIRST_WAIT * 2 ** min(failures - FREE_FAILURES, 16), CEILING)

    def claim(self) -> bool:
        """Whether this try may go ahead now.

        Once waits have begun, only one try is checked per wait even when
        many arrive at the same moment: `cache.add` succeeds for one of them
        only (atomic on Redis and on the database cache).
        """
        if self.wait() > 0:
            return False
        failures, _ = self._state()
        if failures < FREE_FAILURES:
            return True
        # The claim lasts one wait: after a right password (which adds no
        # failure) the next try waits as long as a wrong one would have made it.
        return cache.add(f"{self.key}:try:{failures}", 1, max(1, self._delay(failures)))

    def failed(self) -> None:
        failures, _ = self._state()
        cache.set(self.key, (failures + 1, _now()), MEMORY)
