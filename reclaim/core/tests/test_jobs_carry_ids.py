"""Queued jobs carry ids only, never what a member wrote.

A job waits in a SQLite file or in Redis, outside the vault, so its
arguments must be worthless to whoever reads the queue.
"""

from __future__ import annotations

import importlib
import inspect
import re
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from huey.api import TaskWrapper
from huey.contrib.djhuey import HUEY

import reclaim
from reclaim.assessments import actions as assessment_actions
from reclaim.assessments import tasks as assessment_tasks

ROOT = Path(reclaim.__file__).parent
ID = re.compile(r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$")
# A list of ids is still only ids (one e-mail for the thoughts due together).
ID_TYPES = {"str", "int", "uuid.UUID", "UUID", "str | uuid.UUID", "uuid.UUID | str", "list[str]"}


def all_tasks() -> list[tuple[str, TaskWrapper]]:
    found = []
    for path in sorted(ROOT.rglob("tasks.py")):
        if "tests" in path.parts:
            continue
        module = importlib.import_module(
            "reclaim." + ".".join(path.relative_to(ROOT).with_suffix("").parts)
        )
        for name, value in vars(module).items():
            if isinstance(value, TaskWrapper) and value.func.__module__ == module.__name__:
                found.append((f"{module.__name__}.{name}", value))
    return found


def test_the_tasks_are_found():
    names = [name for name, _ in all_tasks()]
    assert "reclaim.assessments.tasks.send_reminder_email" in names
    assert "reclaim.core.tasks.heartbeat" in names


@pytest.mark.parametrize("name, task", all_tasks(), ids=[name for name, _ in all_tasks()])
def test_every_task_takes_only_ids(name, task):
    parameters = inspect.signature(task.func).parameters.values()
    for parameter in parameters:
        assert parameter.name.endswith(("_id", "_ids")), f"{name}({parameter.name}) is not an id"
        annotation = parameter.annotation
        if not isinstance(annotation, str):
            annotation = getattr(annotation, "__name__", str(annotation))
        assert annotation in ID_TYPES, f"{name}({parameter.name}: {annotation})"


@pytest.fixture
def real_queue():
    HUEY.immediate = False
    HUEY.flush()
    yield HUEY
    HUEY.flush()
    HUEY.immediate = True


def test_the_jobs_queued_for_a_due_reminder_hold_nothing_but_ids(member, real_queue):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    assessment_actions.do_set_reminder_preference(member, in_app=True, by_email=True)
    assessment_actions.do_save_result(
        member, "phq9", [2] * 9, taken=timezone.now() - timedelta(days=20)
    )
    assessment_tasks.make_reminders.call_local()
    queued = real_queue.pending()
    assert [type(task).__name__ for task in queued] == ["send_reminder_email"]
    member_words = {member.email, member.username, member.display_name, "phq9"}
    for task in queued:
        values = [*task.args, *task.kwargs.values()]
        assert values
        for value in values:
            assert isinstance(value, str | int)
            assert ID.match(str(value)), value
            assert str(value) not in member_words
        raw = real_queue.serializer.serialize(real_queue._registry.create_message(task))
        for word in member_words:
            assert word.encode() not in raw
