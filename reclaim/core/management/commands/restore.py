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
        self.stdout.write(
            f"Restored the backup of {done.manifest.created} and brought it up to date. "
            f"{done.forgotten} member(s) who deleted their account since were forgotten again."
        )
