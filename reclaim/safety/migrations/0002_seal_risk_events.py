"""Seal everything a risk event says; keep only its owner and id in plain columns.

Before this, level, source, created and acknowledged were plain columns, so a
stolen database showed exactly when a member was in crisis. Existing rows are
sealed with their owner's data key here (in the same shape as
models.RiskEvent.details and .answer), then the plain columns are dropped.
"""

import json

from django.db import migrations, models

LABEL = "safety.riskevent"


def _open(crypto, blob, field, row):
    if blob is None:
        return None
    raw = crypto.open_sealed(bytes(blob), label=LABEL, field=field, owner_id=row.owner_id, row_id=row.pk)
    return json.loads(raw)


def _seal(crypto, value, field, row):
    if value is None:
        return None
    return crypto.seal(crypto.dumps(value), label=LABEL, field=field, owner_id=row.owner_id, row_id=row.pk)


def seal_plain_values(apps, schema_editor):
    from reclaim.vault import crypto

    RiskEvent = apps.get_model("safety", "RiskEvent")
    with crypto.key_cache():
        for row in RiskEvent.objects.all().iterator():
            kinds = _open(crypto, row.categories_sealed, "categories", row) or {}
            check = _open(crypto, row.safety_check_sealed, "safety_check", row)
            details = {
                "created": row.created.isoformat(),
                "source": row.source,
                "level": row.level,
                "categories": list(kinds.get("categories", [])),
                "reasons": list(kinds.get("reasons", [])),
            }
            answer = None
            if row.acknowledged is not None or check:
                answer = {"acknowledged": row.acknowledged.isoformat() if row.acknowledged else None}
                if check:
                    answer.update(
                        thinking=check.get("thinking", ""),
                        safe=check.get("safe", ""),
                        answered=check.get("answered", ""),
                    )
            row.details_sealed = _seal(crypto, details, "details", row)
            row.answer_sealed = _seal(crypto, answer, "answer", row)
            row.save(update_fields=["details_sealed", "answer_sealed"])


def open_back_to_plain(apps, schema_editor):
    from datetime import datetime

    from reclaim.vault import crypto

    RiskEvent = apps.get_model("safety", "RiskEvent")
    with crypto.key_cache():
        for row in RiskEvent.objects.all().iterator():
            details = _open(crypto, row.details_sealed, "details", row) or {}
            answer = _open(crypto, row.answer_sealed, "answer", row) or {}
            row.created = datetime.fromisoformat(details["created"])
            row.source = details.get("source", "other")
            row.level = details.get("level", "elevated")
            row.categories_sealed = _seal(
                crypto,
                {"categories": details.get("categories", []), "reasons": details.get("reasons", [])},
                "categories",
                row,
            )
            moment = answer.get("acknowledged")
            row.acknowledged = datetime.fromisoformat(moment) if moment else None
            if "answered" in answer:
                row.safety_check_sealed = _seal(
                    crypto,
                    {key: answer.get(key, "") for key in ("thinking", "safe", "answered")},
                    "safety_check",
                    row,
                )
            row.save()


class Migration(migrations.Migration):

    dependencies = [
        ("safety", "0001_initial"),
        ("vault", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="riskevent",
            name="details_sealed",
            field=models.BinaryField(null=True),
        ),
        migrations.AddField(
            model_name="riskevent",
            name="answer_sealed",
            field=models.BinaryField(null=True),
        ),
        migrations.RunPython(seal_plain_values, open_back_to_plain),
        migrations.RemoveIndex(
            model_name="riskevent",
            name="safety_risk_owner_i_1ec58d_idx",
        ),
        migrations.AlterModelOptions(
            name="riskevent",
            options={},
        ),
        # Defaults only so that migrating back can re-add the columns to existing
        # rows before the sealed values are opened into them.
        migrations.AlterField(
            model_name="riskevent",
            name="source",
            field=models.CharField(max_length=32, default="other"),
        ),
        migrations.AlterField(
            model_name="riskevent",
            name="level",
            field=models.CharField(
                choices=[("elevated", "Elevated"), ("urgent", "Urgent")],
                max_length=16,
                default="elevated",
            ),
        ),
        migrations.RemoveField(model_name="riskevent", name="created"),
        migrations.RemoveField(model_name="riskevent", name="source"),
        migrations.RemoveField(model_name="riskevent", name="level"),
        migrations.RemoveField(model_name="riskevent", name="acknowledged"),
        migrations.RemoveField(model_name="riskevent", name="categories_sealed"),
        migrations.RemoveField(model_name="riskevent", name="safety_check_sealed"),
    ]
