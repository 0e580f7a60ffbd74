"""Reading the practice's sent e-mail in tests: who it went to, and its calendar file."""

from __future__ import annotations

from django.core import mail


def mails_to(address: str) -> list[mail.EmailMessage]:
    """The messages sent to `address` (sent as "Name <address>")."""
    return [m for m in mail.outbox if any(f"<{address}>" in to or to == address for to in m.to)]


def calendar_of(message: mail.EmailMessage) -> tuple[str, bytes]:
    """The calendar file attached to a sent message: its file name and its bytes."""
    parsed = message.message()
    [part] = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return str(part.get_filename()), payload
