"""`reclaim serve` keeps the web server up when the job worker dies, and restarts the worker."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import time

import pytest

from reclaim.core.logs import JsonFormatter
from reclaim.supervisor import Child, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
FAILS = [sys.executable, "-c", "import sys; sys.exit(3)"]


def run_until(supervisor: Supervisor, done, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = supervisor.step()
        if result is not None or done():
            return result
        time.sleep(0.02)
    raise AssertionError("the supervisor did not get there in time")


@pytest.fixture
def supervised():
    made: list[Supervisor] = []

    def make(*children: Child, **options) -> Supervisor:
        supervisor = Supervisor(list(children), **options)
        supervisor.start()
        made.append(supervisor)
        return supervisor

    yield make
    for supervisor in made:
        supervisor.stop(timeout=2)


def test_a_worker_that_keeps_dying_is_restarted_with_growing_pauses_and_the_web_stays_up(
    supervised, caplog
):
    web = Child("web server", SLEEPER)
    worker = Child("job worker", FAILS, restart=True)
    supervisor = supervised(web, worker, first_delay=0.2, max_delay=0.8)
    with caplog.at_level(logging.INFO, logger="reclaim.supervisor"):
        run_until(supervisor, lambda: len(worker.starts) >= 5)
    assert web.proc.poll() is None
    gaps = [later - earlier for earlier, later in zip(worker.starts, worker.starts[1:])]
    # Each pause is at least the back-off: 0.2, 0.4, 0.8, then capped at 0.8.
    for gap, pause in zip(gaps, [0.2, 0.4, 0.8, 0.8]):
        assert pause <= gap < pause + 0.5
    stops = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.restart_in_s for r in stops[:4]] == [0.2, 0.4, 0.8, 0.8]
    assert all(r.exit_code == 3 for r in stops)


def test_a_killed_worker_is_logged_as_json_with_the_signal_that_ended_it(supervised, caplog):
    web = Child("web server", SLEEPER)
    worker = Child("job worker", SLEEPER, restart=True)
    supervisor = supervised(web, worker, first_delay=0.1)
    os.kill(worker.proc.pid, signal.SIGKILL)
    with caplog.at_level(logging.INFO, logger="reclaim.supervisor"):
        run_until(supervisor, lambda: len(worker.starts) == 2)
    [stopped] = [r for r in caplog.records if r.levelno == logging.WARNING]
    line = json.loads(JsonFormatter().format(stopped))
    assert line["child"] == "job worker"
    assert line["signal"] == "SIGKILL"
    assert line["restart_in_s"] == 0.1
    assert web.proc.poll() is None
    assert worker.proc.poll() is None


def test_when_the_web_server_ends_everything_stops(supervised):
    web = Child("web server", [sys.executable, "-c", "import sys; sys.exit(4)"])
    worker = Child("job worker", SLEEPER, restart=True)
    supervisor = supervised(web, worker)
    assert run_until(supervisor, lambda: False) == 4
    supervisor.stop(timeout=2)
    assert worker.proc.poll() is not None


def test_the_pause_starts_small_again_after_the_worker_ran_for_a_while(supervised):
    now = [0.0]
    worker = Child("job worker", FAILS, restart=True)
    supervisor = supervised(worker, first_delay=1, max_delay=60, clock=lambda: now[0])
    worker.proc.wait()
    # Dies at once three times: pauses of 1, 2 and 4 seconds.
    for pause in (1, 2, 4):
        supervisor.step()
        assert worker.restart_at == now[0] + pause
        now[0] += pause
        supervisor.step()
        worker.proc.wait()
    # Then it runs for two minutes before it dies: the next pause is 1 s again.
    now[0] += 120
    supervisor.step()
    assert worker.restart_at == now[0] + 1
