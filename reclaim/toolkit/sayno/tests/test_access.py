"""Another member meets a 404 on every one of a member's saved things, and changes nothing."""

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.sayno.models import Practice, RealNo
from reclaim.vault.fields import open_row


def test_another_member_cannot_see_or_change_practice_or_real_ones(
    other_client, member, practice, real
):
    urls = [
        reverse("sayno:practice_detail", args=[practice.pk]),
        reverse("sayno:practice_delete", args=[practice.pk]),
        reverse("sayno:real_edit", args=[real.pk]),
        reverse("sayno:real_delete", args=[real.pk]),
    ]
    assert_hidden_from(
        other_client,
        urls,
        {"day": "2026-01-01", "who": "changed", "said": "changed", "draft": "changed"},
    )
    # Fetched again: a sealed value read once stays open on the old instance.
    practice = open_row(Practice.objects.get(pk=practice.pk))
    real = open_row(RealNo.objects.get(pk=real.pk))
    assert practice.draft == "No, I'm keeping my sessions."
    assert (real.who, real.said, real.day.isoformat()) == (
        "My brother",
        "Not this year.",
        "2026-03-02",
    )


def test_another_members_lists_do_not_show_them(other_client, practice, real):
    for name in ("sayno:index", "sayno:practice_list", "sayno:real_list"):
        page = other_client.get(reverse(name))
        assert (
            str(practice.pk) not in page.content.decode()
            and str(real.pk) not in page.content.decode()
        )
        assert "My brother" not in page.content.decode()
