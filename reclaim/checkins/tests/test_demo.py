from statistics import mean

from django.utils import timezone

from reclaim.checkins.demo import seed_checkins
from reclaim.checkins.models import SCALE_NAMES, CheckIn, local_day
from reclaim.checkins.queries import daily_means
from reclaim.vault.fields import open_rows


def test_it_makes_one_or_two_checkins_a_day_ending_today(member):
    seed_checkins(member, 90)
    checkins = list(CheckIn.objects.filter(owner=member))
    days = {checkin.day for checkin in checkins}
    assert len(days) == 90
    assert max(days) == local_day(member)
    assert 90 <= len(checkins) <= 180
    assert len(checkins) > 110  # some days have two
    assert all(checkin.created <= timezone.now() for checkin in checkins)


def test_every_number_is_on_the_scale_and_a_few_are_left_not_rated(member):
    seed_checkins(member, 120)
    values = [
        value
        for checkin in open_rows(CheckIn.objects.filter(owner=member))
        for value in checkin.scale_values.values()
    ]
    rated = [value for value in values if value is not None]
    assert all(0 <= value <= 10 for value in rated)
    # About one check-in in twenty leaves one of its five scales alone.
    assert 0 < len(values) - len(rated) < len(values) / 40


def test_the_story_starts_heavy_and_drifts_better(member):
    seed_checkins(member, 120)
    today = local_day(member)
    first = min(CheckIn.objects.filter(owner=member).values_list("day", flat=True))
    means = daily_means(member, first, today)
    days = sorted(means)
    early = [means[day] for day in days[:21]]
    late = [means[day] for day in days[-21:]]

    def avg(rows, name):
        return mean(row[name] for row in rows if row[name] is not None)

    assert avg(early, "mood") + 2 < avg(late, "mood")
    assert avg(early, "anxiety") > avg(late, "anxiety") + 2
    assert avg(early, "anger") > avg(late, "anger") + 2
    assert avg(early, "self_worth") + 2 < avg(late, "self_worth")
    # Not a straight line: some later days are still hard.
    assert min(means[day]["mood"] or 10 for day in days[-60:]) <= 4
    assert set(SCALE_NAMES) == set(early[0])


def test_it_writes_varied_notes_and_common_triggers(member):
    seed_checkins(member, 365)
    checkins = open_rows(CheckIn.objects.filter(owner=member))
    notes = {checkin.note for checkin in checkins if checkin.note}
    assert len(notes) >= 20
    tagged = [checkin for checkin in checkins if checkin.triggers]
    assert len(tagged) > len(checkins) / 4
    assert any("Their phone" in checkin.triggers for checkin in tagged)


def test_it_gives_the_same_member_the_same_story(member, other_member):
    seed_checkins(member, 10)
    seed_checkins(other_member, 10)
    counts = {user: CheckIn.objects.filter(owner=user).count() for user in (member, other_member)}
    assert all(10 <= count <= 20 for count in counts.values())
