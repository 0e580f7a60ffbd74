from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from reclaim.practice import invitations
from reclaim.practice.actions import team


class Command(BaseCommand):
    help = "Invite a practitioner by e-mail, and print the link (it works once)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("email", help="the practitioner's e-mail address")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"how many days the link stays open (default RECLAIM_INVITE_DAYS, at most {invitations.MOST_DAYS})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an e-mail address.") from None
        made = team.do_invite(None, email, options["days"])
        self.stdout.write(
            f"Invited {email}. The link was sent by e-mail; here it is too (it works once, "
            f"until {made.invitation.expires:%Y-%m-%d %H:%M} UTC):\n"
            f"{invitations.link_for(made.token)}"
        )
