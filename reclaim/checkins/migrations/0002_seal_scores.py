"""Seal the five check-in numbers with each member's key and drop their plain columns.

The numbers of existing check-ins are sealed into `scores_sealed` exactly
as `CheckIn.scores` seals them (same associated data, same padding), so they
open with the model afterwards. Going back opens them into the columns again.
"""

import json

from django.db import migrations, models

SCALE_NAMES = ("mood", "anger", "anxiety", "sleep", "self_worth")
# As models.SCORES_PADDED_LENGTH; written out so this step never changes with the model.
PADDED_LENGTH = len(json.dumps(dict.fromkeys(SCALE_NAMES, 10), separators=(",", ":")))
LABEL = "checkins.checkin"


def _where(row) -> dict:
    return {"label": LABEL, "field": "scores", "owner_id": row.owner_id, "row_id": row.pk}


def seal_scores(apps, schema_editor):
    from reclaim.vault import crypto

    CheckIn = apps.get_model("checkins", "CheckIn")
    rows = CheckIn.objects.filter(scores_sealed__isnull=True).only("id", "owner_id", *SCALE_NAMES)
    with crypto.key_cache():
        batch = []
        for row in rows.iterator(chunk_size=500):
            plain = crypto.dumps({name: getattr(row, name) for name in SCALE_NAMES})
            row.scores_sealed = crypto.seal(plain.ljust(PADDED_LENGTH, b" "), **_where(row))
            batch.append(row)
            if len(batch) >= 500:
                CheckIn.objects.bulk_update(batch, ["scores_sealed"])
                batch = []
        CheckIn.objects.bulk_update(batch, ["scores_sealed"])


def open_scores(apps, schema_editor):
    from reclaim.vault import crypto

    CheckIn = apps.get_model("checkins", "CheckIn")
    rows = CheckIn.objects.exclude(scores_sealed__isnull=True).only("id", "owner_id", "scores_sealed")
    with crypto.key_cache():
        batch = []
        for row in rows.iterator(chunk_size=500):
            scores = json.loads(crypto.open_sealed(row.scores_sealed, **_where(row)))
            for name in SCALE_NAMES:
                setattr(row, name, scores[name])
            batch.append(row)
            if len(batch) >= 500:
                CheckIn.objects.bulk_update(batch, list(SCALE_NAMES))
                batch = []
        CheckIn.objects.bulk_update(batch, list(SCALE_NAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0001_initial"),
        ("vault", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="checkin",
            name="scores_sealed",
            field=models.BinaryField(null=True),
        ),
        # Nullable for the moment of the move, so that going back can add
        # the columns to rows that exist before it fills them.
        *[
            migrations.AlterField(
                model_name="checkin",
                name=name,
                field=models.PositiveSmallIntegerField(null=True),
            )
            for name in SCALE_NAMES
        ],
        migrations.RunPython(seal_scores, open_scores),
        *[
            migrations.RemoveConstraint(model_name="checkin", name=f"checkin_{name}_at_most_10")
            for name in SCALE_NAMES
        ],
        *[migrations.RemoveField(model_name="checkin", name=name) for name in SCALE_NAMES],
    ]
