from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from reclaim.core.backups import BackupError, restore_backup
from reclaim.vault.ledger import LedgerError


class Command(BaseCommand):
    help = "Restore a backup made by `reclaim backup`, then forget again everyone deleted since."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds data",
        )
        parser.add_argument(
            "--into",
            default=None,
            help="restore into another database (PostgreSQL: its name; SQLite: a file)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = restore_backup(options["path"], force=options["force"], into=options["into"])
        except (BackupError, LedgerError) as error:
            raise CommandError(str(error)) from None
        if done.forgotten:
            forgotten = "One member" if done.forgotten == 1 else f"{done.forgotten} members"
            verb = "was" if done.forgotten == 1 else "were"
            ledger = f"{forgotten} deleted since this backup {verb} forgotten again."
        else:
            ledger = "Nobody in the deletion ledger was in this backup."
        self.stdout.write(
            f"Restored the backup of {done.manifest.created} and brought it up to date. {ledger}"
        )
        if done.missing_keys:
            self.stderr.write(
                f"Some members' data keys are wrapped by master key(s) {', '.join(done.missing_keys)}, "
                "which this installation does not have: add them back (after the newest) and run "
                "`reclaim rotate-keys`, or those members' words cannot be read."
            )
