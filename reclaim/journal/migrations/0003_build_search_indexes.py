"""Build the sealed search index of every member who already has entries.

Each entry is opened with its owner's data key, and the index parts are
sealed with the same key (in the shape `models.SearchPart.words` reads).
A member whose key cannot be opened here is skipped: their searches open
their entries one by one, as before, until their next save builds it.
"""

import json
import uuid

from django.core.exceptions import ImproperlyConfigured
from django.db import migrations

ENTRY = "journal.entry"
PART = "journal.searchpart"


def _text(crypto, row, field):
    blob = getattr(row, f"{field}_sealed")
    if blob is None:
        return None
    return crypto.open_sealed(
        bytes(blob), label=ENTRY, field=field, owner_id=row.owner_id, row_id=row.pk
    )


def build_indexes(apps, schema_editor):
    from reclaim.journal import index
    from reclaim.vault import crypto

    Entry = apps.get_model("journal", "Entry")
    SearchPart = apps.get_model("journal", "SearchPart")
    owners = Entry.objects.values_list("owner_id", flat=True).distinct().order_by()
    for owner_id in list(owners):
        with crypto.key_cache():
            try:
                entries = []
                for row in Entry.objects.filter(owner_id=owner_id).iterator():
                    title = (_text(crypto, row, "title") or b"").decode()
                    body = (_text(crypto, row, "body") or b"").decode()
                    tags = json.loads(_text(crypto, row, "tags") or b"[]") or []
                    entries.append((row.pk, row.created, index.keys_of(title, body, tags)))
                parts = []
                for number, plain in index.build_parts(entries).items():
                    part = SearchPart(id=uuid.uuid4(), owner_id=owner_id, number=number)
                    part.words_sealed = crypto.seal(
                        plain, label=PART, field="words", owner_id=owner_id, row_id=part.id
                    )
                    parts.append(part)
            except (crypto.VaultError, ImproperlyConfigured):
                continue
        SearchPart.objects.filter(owner_id=owner_id).delete()
        SearchPart.objects.bulk_create(parts)


class Migration(migrations.Migration):
    dependencies = [("journal", "0002_search_parts")]

    operations = [migrations.RunPython(build_indexes, migrations.RunPython.noop)]
