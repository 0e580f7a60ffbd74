from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.values.models import Sort
from reclaim.vault.fields import open_row


def test_another_member_meets_a_404_on_every_sort_url(other_client, sort):
    assert_hidden_from(
        other_client,
        [reverse("values:detail", args=[sort.pk]), reverse("values:delete", args=[sort.pk])],
    )
    kept = open_row(Sort.objects.get(pk=sort.pk))
    assert kept.top[0] == {"code": "honesty", "words": "My words for honesty."}


def test_a_stranger_is_sent_to_sign_in(client, sort):
    for url in (reverse("values:sort"), reverse("values:detail", args=[sort.pk])):
        assert reverse("account_login") in client.get(url)["Location"]
