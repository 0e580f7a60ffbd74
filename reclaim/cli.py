"""The `reclaim` command: one entry point for members' hosts and operators.

reclaim serve        migrate, then run the web server and the job worker
reclaim demo         the same, with a demo member and 90 days of entries, and a demo practice
                     (--no-serve: only make them, print how to sign in, and stop)
reclaim web          only the web server (for many app servers side by side)
reclaim worker       only the job worker
reclaim rotate-keys  re-wrap every data key under the newest master key
reclaim backup PATH  write a checked backup of the database (never the master keys)
reclaim restore PATH [--force] [--into NAME]   restore it, then forget the deleted again
reclaim invite-practitioner EMAIL [--days N]   invite a practitioner, print the link
reclaim make-operator USERNAME                 make an existing account the operator
reclaim check        Django's checks, and where mail, links and keys go
reclaim manage ...   any Django management command
"""

from __future__ import annotations

import argparse
import os
import sys


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reclaim.settings")
    import django

    django.setup()


def _manage(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def _manage_for_operator(*args: str) -> int:
    """Run a command an operator types by hand: a mistake is one sentence, not a traceback."""
    from django.core.management.base import CommandError

    try:
        _manage(*args)
    except CommandError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def prepare(quiet: bool = True) -> None:
    """Everything a fresh data folder needs before serving."""
    from reclaim.vault import keys

    keys.ensure_keys_file()
    verbosity = 0 if quiet else 1
    _manage("migrate", "--no-input", f"--verbosity={verbosity}")
    # A database put back by hand (not with `reclaim restore`) may hold members
    # who deleted their accounts since; forget them again before serving.
    from reclaim.vault import ledger

    forgotten = ledger.replay()
    if forgotten:
        print(f"Forgot {len(forgotten)} deleted account(s) again, from the deletion ledger.")
    _manage("createcachetable", f"--verbosity={verbosity}")
    _manage("collectstatic", "--no-input", f"--verbosity={verbosity}")


def worker_class(threads: int) -> str:
    """Gunicorn's kind of worker: one request at a time per process, or threads."""
    return "sync" if threads == 1 else "gthread"


def _gunicorn_command(bind: str, workers: int, threads: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "reclaim.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        worker_class(threads),
        "--access-logfile",
        "-",
        # The path of a request can carry ids; log only the method and status.
        "--access-logformat",
        '{"time":"%(t)s","method":"%(m)s","status":%(s)s,"ms":%(M)s}',
        "--forwarded-allow-ips",
        os.environ.get("RECLAIM_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        # Gunicorn's control socket lives in one place per home directory, so
        # two instances under one account would fight over it; nothing here
        # uses it (`gunicornc`), so there is none.
        "--no-control-socket",
    ]


def _worker_command(workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "reclaim.cli",
        "manage",
        "run_huey",
        "--workers",
        str(workers),
        "--worker-type",
        "thread",
    ]


def _supervise(web: list[str] | None, worker: list[str] | None) -> int:
    """Run the web server and/or the job worker; the worker is restarted when it dies."""
    from reclaim.supervisor import Child, Supervisor

    children = []
    if web:
        children.append(Child(name="web server", command=web))
    if worker:
        children.append(Child(name="job worker", command=worker, restart=True))
    code = Supervisor(children).run()
    print("Reclaim stopped.")
    return code


def _site_url_for(bind: str) -> str:
    """The address links in e-mails should use when RECLAIM_SITE_URL is not set.

    Derived from where the server listens, so a server on port 9000 does not
    send links to port 8000; when it listens on every address (or a socket)
    only the operator knows the public address, so it must be set.
    """
    host, _, port = bind.rpartition(":")
    host = host.strip("[]")
    if bind.startswith(("unix:", "fd://")) or host in ("0.0.0.0", "::", ""):
        raise SystemExit(
            f"Reclaim listens on {bind}, so links in e-mails cannot guess its address. "
            "Set RECLAIM_SITE_URL to the address members open, e.g. https://notes.example.org"
        )
    if host in ("127.0.0.1", "::1", "localhost"):
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _address(bind: str) -> str:
    host, _, port = bind.rpartition(":")
    return f"http://{'localhost' if host in ('0.0.0.0', '127.0.0.1', '') else host}:{port}/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="reclaim", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    bind_default = os.environ.get("RECLAIM_BIND", "127.0.0.1:8000")
    for name, text in (
        ("serve", "migrate, then run the web server and the job worker"),
        ("demo", "like serve, with a demo member and 90 days of believable entries"),
        ("web", "only the web server"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--bind", default=bind_default)
        cmd.add_argument(
            "--workers", type=int, default=int(os.environ.get("RECLAIM_WEB_WORKERS", "3"))
        )
        cmd.add_argument(
            "--threads", type=int, default=int(os.environ.get("RECLAIM_WEB_THREADS", "1"))
        )
    sub.choices["demo"].add_argument(
        "--no-serve",
        action="store_true",
        help="make the demo member and practice, print how to sign in, and stop",
    )
    sub.add_parser("migrate", help="migrate, create the cache table, collect static files")
    worker = sub.add_parser("worker", help="only the job worker")
    worker.add_argument(
        "--workers", type=int, default=int(os.environ.get("RECLAIM_JOB_WORKERS", "2"))
    )
    check = sub.add_parser("check", help="Django's checks, and where mail, links and keys go")
    check.add_argument(
        "--deploy",
        action="store_true",
        default=None,
        help="include Django's deployment checks (on by default with RECLAIM_HTTPS=true)",
    )
    rotate = sub.add_parser("rotate-keys", help="re-wrap data keys under the newest master key")
    rotate.add_argument(
        "--new", action="store_true", help="add a fresh master key to the key file first"
    )
    backup = sub.add_parser("backup", help="write a checked backup of the database to PATH")
    backup.add_argument("path")
    restore = sub.add_parser("restore", help="restore a backup, then forget the deleted again")
    restore.add_argument("path")
    restore.add_argument(
        "--force", action="store_true", help="replace a database that already holds data"
    )
    restore.add_argument("--into", help="another database name (or SQLite file) to restore into")
    invite = sub.add_parser(
        "invite-practitioner", help="invite a practitioner by e-mail and print the link"
    )
    invite.add_argument("email")
    invite.add_argument("--days", type=int, default=None, help="how long the link stays open")
    operator = sub.add_parser("make-operator", help="make an existing account the operator")
    operator.add_argument("username")
    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)

    if args.command == "manage":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reclaim.settings")
        from django.core.management import execute_from_command_line

        execute_from_command_line(["reclaim manage", *args.args])
        return 0

    _django()
    if args.command == "check":
        return _check(deploy=args.deploy)
    if args.command == "rotate-keys":
        _manage("rotate_keys", *(["--new"] if args.new else []))
        return 0
    if args.command == "backup":
        return _manage_for_operator("backup", args.path)
    if args.command == "restore":
        extra = [
            *(["--force"] if args.force else []),
            *([f"--into={args.into}"] if args.into else []),
        ]
        return _manage_for_operator("restore", args.path, *extra)
    if args.command == "invite-practitioner":
        days = [f"--days={args.days}"] if args.days else []
        return _manage_for_operator("invite_practitioner", args.email, *days)
    if args.command == "make-operator":
        return _manage_for_operator("make_operator", args.username)
    if args.command == "worker":
        return _supervise(None, _worker_command(args.workers))
    if args.command == "migrate":
        prepare(quiet=False)
        return 0

    _use_site_url_for(args.bind)
    prepare()
    from reclaim.core.installation import log_at_start

    log_at_start()
    if args.command == "demo":
        from reclaim.core.demo import make_demo_member

        username, password = make_demo_member()
        print(f"Demo member ready. Sign in as {username!r} with the password {password!r}.")
        _print_demo_practice()
        if args.no_serve:
            return 0
    print(f"Reclaim is running at {_address(args.bind)}  (Ctrl-C stops it)")
    web = _gunicorn_command(args.bind, args.workers, args.threads)
    return _supervise(web, _worker_command(1) if args.command in ("serve", "demo") else None)


def _print_demo_practice() -> None:
    # The practice is seeded with the demo member; asking again also makes it
    # for a data folder whose demo member is older than the practice.
    from reclaim.practice.demo import make_demo_practice

    for line in make_demo_practice().lines():
        print(line)


def _use_site_url_for(bind: str) -> None:
    # With HTTPS on, settings already refused to start without RECLAIM_SITE_URL.
    from django.conf import settings

    if os.environ.get("RECLAIM_SITE_URL"):
        return
    url = _site_url_for(bind)
    # The web server and the worker are started after this and read it.
    os.environ["RECLAIM_SITE_URL"] = url
    settings.RECLAIM_SITE_URL = url


def _check(deploy: bool | None) -> int:
    """Run Django's checks, then say where mail goes, what links say and where keys are."""
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from reclaim.core.installation import report_lines

    if deploy is None:
        deploy = settings.SECURE_SSL_REDIRECT
    code = 0
    try:
        call_command("check", deploy=deploy)
    except SystemCheckError as error:
        print(error, file=sys.stderr)
        code = 1
    for line in report_lines():
        print(line)
    if not deploy:
        print("Deployment checks were skipped: run `reclaim check --deploy` before going live.")
    return code


if __name__ == "__main__":
    sys.exit(main())
