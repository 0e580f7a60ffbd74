"""`reclaim demo --no-serve` makes the demo, says how to sign in, and stops."""

from __future__ import annotations

import pytest

from reclaim import cli
from reclaim.core.demo import DEMO_PASSWORD, DEMO_USERNAME
from reclaim.practice import demo as practice_demo


@pytest.fixture
def prepared(monkeypatch) -> list[bool]:
    """The data folder's preparation, recorded: the test database is already migrated."""
    calls: list[bool] = []
    monkeypatch.setattr(cli, "prepare", lambda quiet=True: calls.append(quiet))
    # Set, so the command does not write a derived address into this process's environment.
    monkeypatch.setenv("RECLAIM_SITE_URL", "http://localhost:8000")
    return calls


def _never_serve(*args, **kwargs):
    raise AssertionError("--no-serve started a server")


def test_it_seeds_the_member_and_the_practice_prints_both_sign_ins_and_exits(
    db, prepared, monkeypatch, capsys
):
    monkeypatch.setattr(cli, "_supervise", _never_serve)
    assert cli.main(["demo", "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert prepared == [True]
    assert f"Sign in as {DEMO_USERNAME!r} with the password {DEMO_PASSWORD!r}" in out
    assert f"Sign in as {practice_demo.USERNAME!r} with the password" in out
    assert practice_demo.TOTP_SECRET in out
    assert "reclaim make-operator USERNAME" in out
    assert "is running" not in out


def test_running_it_again_prints_the_same_practitioner_details(db, prepared, monkeypatch, capsys):
    monkeypatch.setattr(cli, "_supervise", _never_serve)
    cli.main(["demo", "--no-serve"])
    first = capsys.readouterr().out
    assert cli.main(["demo", "--no-serve"]) == 0
    assert capsys.readouterr().out == first


def test_without_no_serve_the_demo_still_starts_the_server(db, prepared, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(cli, "_supervise", lambda web, worker: started.append(web) or 0)
    assert cli.main(["demo"]) == 0
    assert started and "gunicorn" in started[0]
    assert "is running at http://localhost:8000/" in capsys.readouterr().out
