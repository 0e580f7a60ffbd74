"""Seal members' display names with their own key and drop the plain column.

Sealed exactly as `User.display_name` seals it (the member is owner and
row), so it opens with the model afterwards. Going back opens the names
into the plain column again.
"""

from django.db import migrations, models

LABEL = "accounts.user"


def _where(user) -> dict:
    return {"label": LABEL, "field": "display_name", "owner_id": user.pk, "row_id": user.pk}


def seal_names(apps, schema_editor):
    from reclaim.vault import crypto

    User = apps.get_model("accounts", "User")
    with crypto.key_cache():
        for user in User.objects.exclude(display_name="").only("id", "display_name").iterator():
            sealed = crypto.seal(user.display_name.encode(), **_where(user))
            User.objects.filter(pk=user.pk).update(display_name_sealed=sealed)


def open_names(apps, schema_editor):
    from reclaim.vault import crypto

    User = apps.get_model("accounts", "User")
    with crypto.key_cache():
        rows = User.objects.exclude(display_name_sealed=None).only("id", "display_name_sealed")
        for user in rows.iterator():
            name = crypto.open_sealed(user.display_name_sealed, **_where(user)).decode()
            User.objects.filter(pk=user.pk).update(display_name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_coarsen_device_list"),
        ("vault", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="display_name_sealed",
            field=models.BinaryField(editable=False, null=True),
        ),
        migrations.RunPython(seal_names, open_names),
        migrations.RemoveField(model_name="user", name="display_name"),
    ]
