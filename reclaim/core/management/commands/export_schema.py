"""Print the JSON Schema of a member's export (docs/export.schema.json is its output)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from reclaim.core.export import schema


def schema_text() -> str:
    """The schema as the file in docs/ holds it: sorted keys, two spaces, a final newline."""
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Print the JSON Schema every export of this version meets."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(schema_text(), ending="")
