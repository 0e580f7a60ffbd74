from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from reclaim.practice.actions import team


class Command(BaseCommand):
    help = "Make an existing account the operator (invites practitioners, reads the audit log)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username", help="the account's username")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = team.do_make_operator(options["username"])
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        self.stdout.write(
            f"{user.username} is now the operator. At the next sign-in they set up two-step "
            "sign-in, then start at /operator/. Member pages are closed to this account."
        )
