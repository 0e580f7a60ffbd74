"""Let a benchmark run from this folder import Python's own `http` package.

Python puts a script's folder first on the import path, and this folder
holds `http.py`, which would then stand in for the standard library's
`http` (Django imports it). Each script calls `from_the_repository_root()`
before anything else, which also makes `reclaim` and `bench` importable.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def from_the_repository_root() -> None:
    """Take this folder off the import path and put the repository's root first."""
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HERE]
    sys.path.insert(0, ROOT)
