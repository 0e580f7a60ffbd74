from datetime import date

from reclaim.toolkit.worth.demo import seed
from reclaim.toolkit.worth.models import Evidence, Item
from reclaim.vault.fields import open_row


def test_a_year_of_history_is_about_one_thing_a_day(member):
    seed(member, 365, date(2026, 6, 30))
    assert (
        Evidence.objects.filter(owner=member).count() + Item.objects.filter(owner=member).count()
        == 365
    )
    assert Item.objects.filter(owner=member, kind="strength").exists()
    assert Evidence.objects.filter(owner=member).latest("day").day == date(2026, 6, 30)
    assert open_row(
        Evidence.objects.filter(owner=member).first()
    ).text  # it opens with the member's key
