"""Each tool's `owned_…` queries, which its pages find rows through, hold only the member's rows."""

from __future__ import annotations

import importlib
import inspect

import pytest
from django.utils import timezone

from reclaim.toolkit.registry import TOOLS


def _owned_queries() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for tool in TOOLS:
        try:
            queries = importlib.import_module(f"{tool.app}.queries")
        except ModuleNotFoundError:
            continue  # A tool with nothing stored (support) has no queries.
        found += [
            (f"{tool.module}.{name}", function)
            for name, function in inspect.getmembers(queries, inspect.isfunction)
            if name.startswith("owned_") and function.__module__ == queries.__name__
        ]
    return found


OWNED = _owned_queries()


def test_every_tool_that_stores_rows_has_owned_queries():
    assert {name.split(".")[0] for name, _ in OWNED} == {
        tool.module for tool in TOOLS if tool.module != "support"
    }


@pytest.mark.parametrize(("name", "owned"), OWNED, ids=[name for name, _ in OWNED])
def test_owned_rows_are_the_members_and_never_another_members(name, owned, member, other_member):
    tool = name.split(".")[0]
    seed = importlib.import_module(f"reclaim.toolkit.{tool}.demo").seed
    for someone in (member, other_member):
        seed(someone, 14, timezone.localdate(timezone.now(), someone.zone))
    mine, theirs = list(owned(member)), list(owned(other_member))
    assert mine, f"the demo made no rows for {name}"
    assert {row.owner_id for row in mine} == {member.pk}
    assert not {row.pk for row in mine} & {row.pk for row in theirs}
