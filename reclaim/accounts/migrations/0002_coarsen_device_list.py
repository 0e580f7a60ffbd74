"""Reduce the device list's existing rows to a browser label and a network.

New rows are reduced as they are saved (reclaim/accounts/sessions.py); this
does the same for rows written before. The full addresses and browser
strings cannot come back, so going back leaves the rows as they are.
"""

from django.db import migrations


def coarsen_existing(apps, schema_editor):
    from reclaim.accounts.sessions import coarsen

    UserSession = apps.get_model("usersessions", "UserSession")
    for session in UserSession.objects.iterator():
        before = (session.ip, session.user_agent)
        coarsen(session)
        if (session.ip, session.user_agent) != before:
            session.save(update_fields=["ip", "user_agent"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("usersessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(coarsen_existing, migrations.RunPython.noop)]
