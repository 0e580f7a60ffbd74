"""The `reclaim` command: one entry point for members' hosts and operators.

reclaim serve        migrate, then run the web server and the job worker
reclaim demo         the same, with a demo member and 90 days of entries
reclaim web          only the web server (for many app servers side by side)
reclaim worker       only the job worker
reclaim rotate-keys  re-wrap every data key under the newest master key
reclaim manage ...   any Django management command
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reclaim.settings")
    import django

    django.setup()


def _manage(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def prepare(quiet: bool = True) -> None:
    """Everything a fresh data folder needs before serving."""
    from reclaim.vault import keys

    keys.ensure_keys_file()
    verbosity = 0 if quiet else 1
    _manage("migrate", "--no-input", f"--verbosity={verbosity}")
    _manage("createcachetable", f"--verbosity={verbosity}")
    _manage("collectstatic", "--no-input", f"--verbosity={verbosity}")


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
        "gthread",
        "--access-logfile",
        "-",
        # The path of a request can carry ids; log only the method and status.
        "--access-logformat",
        '{"time":"%(t)s","method":"%(m)s","status":%(s)s,"ms":%(M)s}',
        "--forwarded-allow-ips",
        os.environ.get("RECLAIM_FORWARDED_ALLOW_IPS", "127.0.0.1"),
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


def _supervise(commands: list[list[str]]) -> int:
    """Run the processes together; Ctrl-C (or one of them ending) stops them all."""
    procs = [subprocess.Popen(cmd) for cmd in commands]
    stopping = False

    def stop(*_args: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    code = 0
    try:
        while not stopping:
            for proc in procs:
                if proc.poll() is not None:
                    code = proc.returncode or 0
                    stopping = True
            time.sleep(0.3)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.time() + 10
        for proc in procs:
            try:
                proc.wait(max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                proc.kill()
        print("Reclaim stopped.")
    return code


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
            "--workers", type=int, default=int(os.environ.get("RECLAIM_WEB_WORKERS", "2"))
        )
        cmd.add_argument(
            "--threads", type=int, default=int(os.environ.get("RECLAIM_WEB_THREADS", "4"))
        )
    sub.add_parser("migrate", help="migrate, create the cache table, collect static files")
    worker = sub.add_parser("worker", help="only the job worker")
    worker.add_argument(
        "--workers", type=int, default=int(os.environ.get("RECLAIM_JOB_WORKERS", "2"))
    )
    rotate = sub.add_parser("rotate-keys", help="re-wrap data keys under the newest master key")
    rotate.add_argument(
        "--new", action="store_true", help="add a fresh master key to the key file first"
    )
    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)

    if args.command == "manage":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reclaim.settings")
        from django.core.management import execute_from_command_line

        execute_from_command_line(["reclaim manage", *args.args])
        return 0

    _django()
    if args.command == "rotate-keys":
        _manage("rotate_keys", *(["--new"] if args.new else []))
        return 0
    if args.command == "worker":
        return _supervise([_worker_command(args.workers)])
    if args.command == "migrate":
        prepare(quiet=False)
        return 0

    prepare()
    if args.command == "demo":
        from reclaim.core.demo import make_demo_member

        username, password = make_demo_member()
        print(f"Demo member ready. Sign in as {username!r} with the password {password!r}.")
    print(f"Reclaim is running at {_address(args.bind)}  (Ctrl-C stops it)")
    commands = [_gunicorn_command(args.bind, args.workers, args.threads)]
    if args.command in ("serve", "demo"):
        commands.append(_worker_command(1))
    return _supervise(commands)


if __name__ == "__main__":
    sys.exit(main())
