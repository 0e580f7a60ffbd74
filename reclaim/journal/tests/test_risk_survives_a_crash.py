"""Words and their moment of risk are kept together or not at all, even when a process dies.

Each test here starts a real second Python process on the test database. It saves
a risky journal entry through the journal's own action, with a hook that kills
the process with ``os._exit(1)`` (no clean-up, no rollback by Python) at one
point of the save. Afterwards the database must hold the entry and its event, or
neither: never the words without the moment of risk.

It runs on SQLite and on PostgreSQL alike (the second process is pointed at
whichever test database this run uses).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection

from reclaim.journal import actions
from reclaim.journal.models import Entry
from reclaim.safety import actions as safety_actions
from reclaim.safety.models import RiskEvent
from reclaim.vault.fields import open_rows

RISKY = "I have the pills saved up and tonight is the night I end my life."
ROOT = Path(__file__).resolve().parents[3]

# The second process: Django on this run's test database, one hook, one save.
CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ["DJANGO_SETTINGS_MODULE"] = "reclaim.settings"
    from django.conf import settings
    settings.DATABASES["default"]["NAME"] = os.environ["CRASH_DB_NAME"]
    import django
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models.signals import post_save
    from reclaim.journal.actions import do_create_entry
    from reclaim.journal.models import Entry
    from reclaim.safety.models import RiskEvent

    def die(**kwargs):
        os._exit(1)

    def die_after_commit(**kwargs):
        transaction.on_commit(lambda: os._exit(1))

    crash = os.environ["CRASH_AT"]
    if crash == "after_entry_row":
        post_save.connect(die, sender=Entry, weak=False)
    elif crash == "after_event_row":
        post_save.connect(die, sender=RiskEvent, weak=False)
    elif crash == "after_commit":
        post_save.connect(die_after_commit, sender=Entry, weak=False)
    member = get_user_model().objects.get(username="member")
    do_create_entry(member, {"title": "", "body": os.environ["CRASH_TEXT"]})
    sys.exit(0)
    """
)


def save_in_another_process(crash_at: str) -> int:
    """Run the save in a fresh process and return its exit code."""
    # This process's connection must not hold a lock the other one waits for.
    connection.close()
    env = {
        **os.environ,
        "CRASH_DB_NAME": str(connection.settings_dict["NAME"]),
        "CRASH_AT": crash_at,
        "CRASH_TEXT": RISKY,
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    if crash_at == "none" and done.returncode != 0:
        raise AssertionError(done.stderr.decode()[-2000:])
    return done.returncode


def kept(member) -> tuple[int, list[RiskEvent]]:
    return Entry.objects.filter(owner=member).count(), open_rows(
        RiskEvent.objects.filter(owner=member)
    )


@pytest.mark.django_db(transaction=True)
def test_a_normal_save_keeps_the_entry_and_its_moment(member):
    assert save_in_another_process("none") == 0
    entries, events = kept(member)
    assert entries == 1
    assert [(event.source, event.level) for event in events] == [("journal", "urgent")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("crash_at", ["after_entry_row", "after_event_row", "after_commit"])
def test_a_process_killed_mid_save_keeps_both_or_neither(member, crash_at):
    assert save_in_another_process(crash_at) == 1
    entries, events = kept(member)
    # Never the words without their moment of risk (nor a moment without its words).
    assert (entries, len(events)) in ((0, 0), (1, 1))
    if crash_at == "after_commit":
        # Killed only after the commit: both are there, and the moment opens.
        assert (entries, len(events)) == (1, 1)
        assert events[0].level == "urgent"
    else:
        assert (entries, len(events)) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_when_the_moment_cannot_be_kept_the_words_are_not_kept_without_it(member, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(safety_actions, "do_record_risk", broken)
    with pytest.raises(RuntimeError):
        actions.do_create_entry(member, {"title": "", "body": RISKY})
    assert kept(member) == (0, [])


@pytest.mark.django_db(transaction=True)
def test_when_detection_itself_fails_the_words_are_saved_all_the_same(member, monkeypatch):
    from reclaim.safety import response

    def broken(text, language):
        raise ValueError("the engine broke")

    monkeypatch.setattr(response, "_detect", broken)
    entry = actions.do_create_entry(member, {"title": "", "body": RISKY})
    assert entry.risk_event is None
    assert kept(member) == (1, [])
