"""An operator is told where keys, mail and links go, and the app's files stay private."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from gunicorn.config import Config

from reclaim import cli
from reclaim.core import checks
from reclaim.core.installation import log_at_start


def start(
    tmp_path: Path, code: str, umask: int | None = None, **env: str
) -> subprocess.CompletedProcess:
    environment = {**os.environ, "RECLAIM_DATA_DIR": str(tmp_path / "data"), **env}
    for name in ("DATABASE_URL", "REDIS_URL", "RECLAIM_JOBS_IMMEDIATE"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env={**environment, "DJANGO_SETTINGS_MODULE": "reclaim.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )


# --- keys kept apart from the data --------------------------------------------


def test_deploy_checks_warn_when_the_key_file_lies_beside_the_sqlite_database(settings, tmp_path):
    settings.SECURE_SSL_REDIRECT = True
    settings.RECLAIM_MASTER_KEYS = ""
    beside = Path(settings.DATABASES["default"]["NAME"]).parent / "master.keys"
    settings.RECLAIM_MASTER_KEYS_FILE = str(beside)
    found = checks.check_master_keys_apart_from_database()
    if connection.vendor == "sqlite":
        [warning] = found
        assert warning.id == "reclaim.W001"
        assert "RECLAIM_MASTER_KEYS_FILE" in warning.hint
    else:
        # PostgreSQL's files are not in the data folder: nothing to warn about.
        assert found == []


@pytest.mark.parametrize(
    "https, keys_env, keys_file",
    [
        (False, "", "beside"),
        (True, "k1:" + "A" * 43, "beside"),
        (True, "", "elsewhere"),
    ],
)
def test_no_warning_without_https_with_keys_from_the_environment_or_kept_elsewhere(
    settings, tmp_path, https, keys_env, keys_file
):
    settings.SECURE_SSL_REDIRECT = https
    settings.RECLAIM_MASTER_KEYS = keys_env
    folder = Path(settings.DATABASES["default"]["NAME"]).parent
    path = folder / "master.keys" if keys_file == "beside" else tmp_path / "etc" / "master.keys"
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    assert checks.check_master_keys_apart_from_database() == []


def test_the_warning_shows_in_manage_py_check_deploy(tmp_path):
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env={
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
            "RECLAIM_DATA_DIR": str(data),
            "RECLAIM_HTTPS": "true",
            "RECLAIM_SITE_URL": "https://notes.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert "reclaim.W001" in result.stderr
    assert str(data / "master.keys") in result.stderr


def test_the_start_log_warns_about_keys_beside_the_database(settings, caplog):
    settings.SECURE_SSL_REDIRECT = True
    settings.RECLAIM_MASTER_KEYS = ""
    settings.RECLAIM_MASTER_KEYS_FILE = str(
        Path(settings.DATABASES["default"]["NAME"]).parent / "master.keys"
    )
    with caplog.at_level(logging.INFO, logger="reclaim.installation"):
        log_at_start()
    warned = [r for r in caplog.records if "same folder as the database" in r.getMessage()]
    assert len(warned) == (1 if connection.vendor == "sqlite" else 0)


# --- files the app makes are private --------------------------------------------


def test_files_the_app_creates_are_private_even_in_an_existing_open_folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)
    code = """
from django.core.mail import send_mail
from django.db import connection
from huey.contrib.djhuey import HUEY
from reclaim.vault.keys import ensure_keys_file
from reclaim.assessments import tasks

ensure_keys_file()
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE t (x int)")
    cursor.execute("INSERT INTO t VALUES (1)")
send_mail("A reminder", "Hello", None, ["someone@example.org"])
tasks.send_reminder_email("00000000-0000-0000-0000-000000000000")
assert HUEY.pending_count() == 1
"""
    # A permissive umask, as a shell or a service manager may hand over
    # (this test process's own is already narrowed by the settings).
    result = start(tmp_path, code, umask=0o022)
    assert result.returncode == 0, result.stderr
    made = {path.relative_to(data).as_posix(): path for path in data.rglob("*")}
    for name in ("reclaim.sqlite3", "master.keys", "secret.key", "jobs.sqlite3"):
        assert name in made
    assert any(name.startswith("mail/") for name in made)
    for name, path in made.items():
        mode = stat.S_IMODE(os.stat(path).st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{name} has mode {oct(mode)}"


# --- mail and links ------------------------------------------------------------


def test_https_without_a_site_address_refuses_to_start_naming_the_variable(tmp_path):
    refused = start(tmp_path, "", RECLAIM_HTTPS="true")
    assert refused.returncode != 0
    assert "RECLAIM_SITE_URL" in refused.stderr
    started = start(
        tmp_path, "", RECLAIM_HTTPS="true", RECLAIM_SITE_URL="https://notes.example.org"
    )
    assert started.returncode == 0, started.stderr


@pytest.mark.parametrize(
    "bind, url",
    [
        ("127.0.0.1:9000", "http://localhost:9000"),
        ("localhost:8000", "http://localhost:8000"),
        ("[::1]:8001", "http://localhost:8001"),
        ("192.168.1.20:8000", "http://192.168.1.20:8000"),
        ("notes.lan:80", "http://notes.lan:80"),
    ],
)
def test_links_follow_where_the_server_listens(bind, url):
    assert cli._site_url_for(bind) == url


@pytest.mark.parametrize("bind", ["0.0.0.0:8000", "[::]:8000", ":8000", "unix:/run/reclaim.sock"])
def test_listening_everywhere_without_a_site_address_refuses_to_start(bind):
    with pytest.raises(SystemExit) as stopped:
        cli._site_url_for(bind)
    assert "RECLAIM_SITE_URL" in str(stopped.value)


def test_reclaim_check_runs_the_checks_and_says_where_mail_links_and_keys_go(settings, capsys):
    # The embedded default (the test run itself keeps mail in memory).
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.RECLAIM_SITE_URL = "https://notes.example.org"
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "System check identified no issues" in out
    assert f"Outgoing e-mail is written to files in {settings.EMAIL_FILE_PATH}, not sent" in out
    assert "Links in e-mails start with https://notes.example.org" in out
    assert f"Master keys are read from the file {settings.RECLAIM_MASTER_KEYS_FILE}" in out


def test_the_start_log_says_mail_is_written_to_files(settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    with caplog.at_level(logging.INFO, logger="reclaim.installation"):
        log_at_start()
    [line] = [r for r in caplog.records if "written to files, not sent" in r.getMessage()]
    assert line.path == settings.EMAIL_FILE_PATH


def test_reclaim_check_runs_the_deployment_checks_when_asked(settings, capsys):
    settings.DEBUG = True
    with pytest.raises(BaseException):
        call_command("check", "--deploy", "--fail-level", "WARNING")
    cli.main(["check", "--deploy"])
    assert "security.W018" in capsys.readouterr().err


# --- gunicorn ------------------------------------------------------------------


def test_each_web_server_runs_without_gunicorns_shared_control_socket():
    command = cli._gunicorn_command("127.0.0.1:8000", 2, 4)
    assert command[:3] == [sys.executable, "-m", "gunicorn"]
    assert _parsed(command).control_socket_disable is True


def _parsed(command: list[str]) -> Config:
    config = Config()
    parsed = config.parser().parse_args(command[3:])
    for name, value in vars(parsed).items():
        if value is not None and name in config.settings:
            config.set(name, value)
    return config


@pytest.mark.parametrize("threads, kind", [(1, "sync"), (4, "gthread")])
def test_one_thread_runs_plain_processes_and_more_run_threads(threads, kind):
    # One request at a time per process spreads requests evenly over the
    # processes (docs/benchmarks.md); threads are there for a host who asks.
    config = _parsed(cli._gunicorn_command("127.0.0.1:8000", 3, threads))
    assert config.worker_class_str == kind
    assert (config.workers, config.threads) == (3, threads)


def test_by_default_the_web_server_runs_three_plain_processes(monkeypatch):
    monkeypatch.delenv("RECLAIM_WEB_WORKERS", raising=False)
    monkeypatch.delenv("RECLAIM_WEB_THREADS", raising=False)
    started = []
    monkeypatch.setattr(cli, "_supervise", lambda *commands: started.append(commands) or 0)
    monkeypatch.setattr(cli, "prepare", lambda *args, **kwargs: None)
    monkeypatch.setattr(cli, "_use_site_url_for", lambda bind: None)
    cli.main(["web"])
    config = _parsed(started[0][0])
    assert (config.workers, config.threads, config.worker_class_str) == (3, 1, "sync")
