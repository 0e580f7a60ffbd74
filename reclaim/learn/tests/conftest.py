from __future__ import annotations

import pytest
from django.test import Client

from reclaim.learn.lessons import get_lesson

from .support import use_test_lessons


@pytest.fixture(autouse=True)
def _test_lessons(settings, monkeypatch):
    use_test_lessons(settings, monkeypatch)


@pytest.fixture
def harbour():
    return get_lesson("a-quiet-harbour")


@pytest.fixture
def lighthouse():
    return get_lesson("the-lighthouse-keeper")


@pytest.fixture
def tides():
    return get_lesson("tide-tables")


@pytest.fixture
def anon() -> Client:
    return Client()
