from django.urls import reverse


def test_an_earlier_sort_opens_with_its_date_and_words(member_client, sort):
    html = member_client.get(reverse("values:detail", args=[sort.pk])).content.decode()
    assert f"Your five from {sort.day:%-d %B %Y}" in html
    assert "My words for calm." in html
    assert "<title>Tools ·" in html


def test_its_owner_cannot_post_to_it(member_client, sort):
    assert member_client.post(reverse("values:detail", args=[sort.pk])).status_code == 405
