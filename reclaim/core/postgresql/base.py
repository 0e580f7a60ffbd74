"""Django's PostgreSQL backend with a check of a kept connection that costs no round trip.

With CONN_HEALTH_CHECKS on, Django checks a kept connection at the start of
every request that uses the database, by sending `SELECT 1` and waiting for
the answer: a round trip to the database server on every signed-in page,
reads included. A connection that sits idle between requests can only have
been broken by the server going away, and a server that goes away (a
restart, a crash, an administrator ending the session) closes its end or
says why before it does: either way the socket turns readable, since an idle
connection has nothing else to read. So the check first asks the operating
system, without waiting, whether anything arrived; only then, or when the
connection is not idle, does it send `SELECT 1` as Django does.

What this does not see, and `SELECT 1` would: a database host that vanished
without closing the connection (its power cut, its network gone). Then the
first query on that connection fails, that one request gets the error page,
and Django drops the connection; the next request opens a new one.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


def quiet(fileno: int) -> bool:
    """Whether nothing waits to be read on this socket (asked without waiting)."""
    poller = select.poll()
    poller.register(fileno, select.POLLIN | select.POLLPRI)
    return not poller.poll(0)


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status == TransactionStatus.IDLE and quiet(
            connection.fileno()
        ):
            return True
        return super().is_usable()
