"""Migration 0002 seals what existing risk events said in plain columns, then drops them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from reclaim.vault import crypto
from reclaim.vault.fields import open_row

BEFORE = [("safety", "0001_initial")]
AFTER = [("safety", "0002_seal_risk_events")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_events_are_sealed_and_their_plain_columns_dropped(member):
    old_apps = migrate(BEFORE)
    OldEvent = old_apps.get_model("safety", "RiskEvent")
    when = timezone.now() - timedelta(days=3)
    seen = when + timedelta(minutes=5)
    event = OldEvent(owner_id=member.pk, created=when, source="checkin", level="urgent")
    event.acknowledged = seen

    def seal(value, field):
        return crypto.seal(
            json.dumps(value).encode(),
            label="safety.riskevent",
            field=field,
            owner_id=member.pk,
            row_id=event.pk,
        )

    event.categories_sealed = seal({"categories": ["suicide"], "reasons": ["a plan"]}, "categories")
    event.safety_check_sealed = seal(
        {"thinking": "no", "safe": "yes", "answered": seen.isoformat()}, "safety_check"
    )
    event.save()
    quiet = OldEvent.objects.create(
        owner_id=member.pk, created=when, source="journal", level="elevated"
    )

    migrate(AFTER)
    from reclaim.safety.models import RiskEvent

    with connection.cursor() as cursor:
        columns = {
            c.name
            for c in connection.introspection.get_table_description(cursor, "safety_riskevent")
        }
    assert columns == {"id", "owner_id", "details_sealed", "answer_sealed"}

    stored = open_row(RiskEvent.objects.get(pk=event.pk))
    assert (stored.source, stored.level, stored.created) == ("checkin", "urgent", when)
    assert stored.category_set == {"suicide"}
    assert stored.reasons == ("a plan",)
    assert stored.acknowledged == seen
    assert stored.safety_check == {"thinking": "no", "safe": "yes", "answered": seen.isoformat()}
    assert b"urgent" not in bytes(stored.details_sealed)

    untouched = open_row(RiskEvent.objects.get(pk=quiet.pk))
    assert (untouched.source, untouched.level) == ("journal", "elevated")
    assert untouched.acknowledged is None
    assert untouched.answer_sealed is None

    # And back: the plain columns are filled again from the sealed values.
    old_apps = migrate(BEFORE)
    back = old_apps.get_model("safety", "RiskEvent").objects.get(pk=event.pk)
    assert (back.source, back.level, back.created, back.acknowledged) == (
        "checkin",
        "urgent",
        when,
        seen,
    )
    migrate(AFTER)
