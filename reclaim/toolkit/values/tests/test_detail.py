from django.urls import reverse

from reclaim.testing import html


def test_an_earlier_sort_opens_with_its_date_and_words(member_client, sort):
    response = member_client.get(reverse("values:detail", args=[sort.pk]))
    main = html.main(response)
    assert html.words(html.one(main, "h1")) == f"Your five from {sort.day:%-d %B %Y}"
    assert "Calm My words for calm." in [html.words(item) for item in html.select(main, "ol li")]
    # The tab names no tool's subject, so a glance at it gives nothing away.
    assert html.title(response).startswith("Tools ·")


def test_its_owner_cannot_post_to_it(member_client, sort):
    assert member_client.post(reverse("values:detail", args=[sort.pk])).status_code == 405
