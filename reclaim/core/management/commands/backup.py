from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from reclaim.core.backups import BackupError, make_backup
from reclaim.vault.ledger import ledger_path


class Command(BaseCommand):
    help = "Write a checked backup of the database to PATH (a new file)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            manifest = make_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backed up the {manifest.database} database to {path}, and checked it.\n"
            "The master keys are not in it, by design: keep a copy of them apart from "
            "your backups, or nothing sealed in them can be read.\n"
            f"The deletion ledger ({ledger_path()}) is not in it either: keep it with "
            "the app, so restoring this backup forgets again whoever deletes their "
            "account after today."
        )
