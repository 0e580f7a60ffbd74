"""A fresh, throwaway installation for a benchmark run in this process.

`bench/pages.py` and `bench/search.py` measure in process: each starts from
an empty data folder (and, with PostgreSQL, an empty database of its own),
so a run never touches a real installation or another run's data.
"""

from __future__ import annotations

import os
import tempfile


def set_up(name: str, postgres: bool) -> None:
    """Point Django at a new data folder (and database `name` on PostgreSQL), then migrate."""
    os.environ["RECLAIM_DATA_DIR"] = tempfile.mkdtemp(prefix=f"{name}-")
    os.environ.setdefault("RECLAIM_LOG_LEVEL", "WARNING")
    if postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name}")
            c.execute(f"CREATE DATABASE {name}")
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "reclaim.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
