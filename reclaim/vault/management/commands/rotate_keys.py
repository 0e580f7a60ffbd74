from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from reclaim.vault import crypto, keys


class Command(BaseCommand):
    help = "Re-wrap every member's data key under the newest master key."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--new",
            action="store_true",
            help="First add a fresh master key in front of the key file (embedded default).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["new"]:
                key = keys.prepend_key_to_file()
                self.stdout.write(f"Added master key {key.key_id}.")
            done = crypto.rotate()
        except ImproperlyConfigured as error:
            # The operator needs the one sentence that says what to fix, not a traceback.
            raise CommandError(str(error)) from None
        newest = keys.newest_master_key().key_id
        self.stdout.write(
            f"Re-wrapped {done['data_keys']} data keys and {done['system_secrets']} "
            f"two-factor secrets under master key {newest}. Older keys can be removed now."
        )
