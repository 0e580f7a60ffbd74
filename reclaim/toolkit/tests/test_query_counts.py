"""A tool's main page costs the same number of queries with a day or a year of use."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reclaim.toolkit.registry import TOOLS


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.slug)
def test_the_main_page_does_not_grow_with_history(client, django_user_model, tool):
    seed = importlib.import_module(f"{tool.app}.demo").seed
    today = timezone.localdate()
    counts, rows = [], []
    models = list(apps.get_app_config(f"toolkit_{tool.module}").get_models())
    for days in (1, 365):
        user = django_user_model.objects.create_user(
            username=f"seeded{days}", password="x", onboarded=timezone.now()
        )
        seed(user, days, today)
        rows.append(sum(model.objects.filter(owner=user).count() for model in models))
        client.force_login(user)
        _queries(client, reverse(tool.index))  # warm per-process caches
        counts.append(_queries(client, reverse(tool.index)))
    assert counts[0] == counts[1], (
        f"{tool.slug}: {counts[0]} queries with a day, {counts[1]} with a year"
    )
    if models:  # Finding support keeps nothing, so it has nothing to seed.
        assert rows[1] > rows[0] > 0, f"{tool.slug}: a year of use seeds {rows[1]} rows"
