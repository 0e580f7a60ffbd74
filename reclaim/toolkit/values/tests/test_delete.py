from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.values.models import Sort


def test_it_asks_before_deleting_a_sort(member_client, sort):
    page = member_client.get(reverse("values:delete", args=[sort.pk]))
    text = html.words(html.main(page))
    assert "Delete this sort?" in text and "Honesty, Respect, Calm" in text
    assert Sort.objects.filter(pk=sort.pk).exists()


def test_it_deletes_on_post_and_goes_back_to_the_values(member_client, sort):
    response = member_client.post(reverse("values:delete", args=[sort.pk]))
    assert response["Location"] == reverse("values:index")
    assert not Sort.objects.filter(pk=sort.pk).exists()
