"""Settings for bench/http.py: Reclaim's own, with one bare view added for the run.

The bare view is reached only through this module (`bench.http_urls`), never
through the product's URLs; every middleware still runs in front of it.
"""

from __future__ import annotations

from reclaim.settings import *  # noqa: F403

ROOT_URLCONF = "bench.http_urls"
