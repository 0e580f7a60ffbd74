"""The five numbers of a check-in are sealed like its note; only the dates stay plain."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reclaim.checkins.models import SCALE_NAMES, CheckIn
from reclaim.checkins.queries import daily_means
from reclaim.vault import crypto
from reclaim.vault.fields import open_row, seal

from .helpers import STEADY

# Plain columns a check-in may have: ids, the owner, and the two dates every
# page sorts and filters by. Everything else must be a sealed column.
PLAIN = {"id", "owner_id", "created", "day"}


def _raw_row(pk) -> dict[str, object]:
    value = pk.hex if connection.vendor == "sqlite" else pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM checkins_checkin WHERE id = %s", [value])
        columns = [column[0] for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def test_a_checkin_keeps_no_number_in_a_plain_column(member, make_checkin):
    checkin = make_checkin(member, mood=9, anger=1, anxiety=2, sleep=8, self_worth=7)
    row = _raw_row(checkin.pk)
    assert {name for name in row if not name.endswith("_sealed")} == PLAIN
    assert not set(SCALE_NAMES) & set(row)
    sealed = bytes(row["scores_sealed"])
    assert sealed[0] == crypto.VERSION
    assert b"mood" not in sealed and b"self_worth" not in sealed


def test_the_numbers_read_back_for_their_owner(member, make_checkin):
    checkin = make_checkin(member, mood=9, anger=1, anxiety=2, sleep=8, self_worth=10)
    again = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert again.scale_values == {
        "mood": 9,
        "anger": 1,
        "anxiety": 2,
        "sleep": 8,
        "self_worth": 10,
    }
    assert (again.mood, again.self_worth) == (9, 10)


def test_the_sealed_numbers_are_as_long_whatever_they_are(member, make_checkin):
    # AES-GCM keeps the length of what it seals: unpadded, a stolen row would
    # tell how many of the five numbers are a 10.
    low = make_checkin(member, **dict.fromkeys(SCALE_NAMES, 0))
    high = make_checkin(member, **dict.fromkeys(SCALE_NAMES, 10))
    lengths = {len(bytes(_raw_row(c.pk)["scores_sealed"])) for c in (low, high)}
    assert len(lengths) == 1


def test_a_number_moved_to_another_checkin_does_not_open(member, make_checkin):
    first = make_checkin(member, mood=1)
    second = make_checkin(member, mood=9)
    CheckIn.objects.filter(pk=second.pk).update(scores_sealed=first.scores_sealed)
    with pytest.raises(crypto.VaultError):
        _ = open_row(CheckIn.objects.get(pk=second.pk)).mood


def test_a_two_year_chart_opens_every_day(member):
    with crypto.key_cache():
        rows = []
        for offset in range(730):
            day = date.fromordinal(date(2025, 1, 1).toordinal() + offset)
            moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            rows.append(
                CheckIn(
                    owner=member, day=day, created=moment, scores={**STEADY, "mood": offset % 11}
                )
            )
        seal(*rows)
        CheckIn.objects.bulk_create(rows)
    means = daily_means(member, date(2025, 1, 1), date(2026, 12, 31))
    assert len(means) == 730
    assert means[date(2025, 1, 11)]["mood"] == 10.0


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_the_numbers_of_existing_checkins_and_drops_their_columns(member):
    executor = MigrationExecutor(connection)
    executor.migrate([("checkins", "0001_initial")])
    old = executor.loader.project_state([("checkins", "0001_initial")]).apps
    OldCheckIn = old.get_model("checkins", "CheckIn")
    moment = datetime(2026, 3, 3, 12, tzinfo=UTC)
    row = OldCheckIn.objects.create(
        owner_id=member.pk,
        created=moment,
        day=moment.date(),
        mood=2,
        anger=9,
        anxiety=7,
        sleep=3,
        self_worth=1,
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    raw = _raw_row(row.pk)
    assert not set(SCALE_NAMES) & set(raw)
    checkin = open_row(CheckIn.objects.get(pk=row.pk))
    assert checkin.scale_values == {
        "mood": 2,
        "anger": 9,
        "anxiety": 7,
        "sleep": 3,
        "self_worth": 1,
    }
    # Sealed exactly as a new check-in is: the same padded length.
    fresh = CheckIn(owner=member, day=moment.date(), created=moment, scores=STEADY)
    seal(fresh)
    assert len(bytes(raw["scores_sealed"])) == len(fresh.scores_sealed)
