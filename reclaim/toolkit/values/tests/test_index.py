from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.values.models import Sort

URL = reverse("values:index")


def test_before_any_sort_it_explains_the_three_steps_and_invites_a_start(member_client):
    main = html.main(member_client.get(URL))
    assert "What matters most to you, now?" in html.words(main)
    assert ("Start sorting", reverse("values:sort")) in html.links(main)
    assert "Earlier sorts" not in html.words(main)


def test_it_shows_the_current_five_with_the_members_words(member_client, sort):
    main = html.main(member_client.get(URL))
    current = html.section(main, "Your five for now")
    assert [html.words(item) for item in html.select(current, "ol li")] == [
        "Honesty My words for honesty.",
        "Respect My words for respect.",
        "Calm My words for calm.",
    ]
    assert ("Sort again", reverse("values:sort")) in html.links(current)


def test_earlier_sorts_are_listed_by_date_with_their_names_and_open(
    member_client, member, make_sort
):
    first = make_sort(member, ["nature", "fun"])
    make_sort(member, ["courage"])
    main = html.main(member_client.get(URL))
    earlier = html.section(main, "Earlier sorts")
    assert html.hrefs(earlier) == [reverse("values:detail", args=[first.pk])]
    assert "Nature, Fun" in html.words(earlier)
    # The earlier sort's words wait behind its link.
    assert "My words for nature." not in html.words(main)


def test_a_long_history_shows_twenty_and_counts_the_rest(member_client, member, make_sort):
    for _ in range(23):
        make_sort(member, ["fun"])
    earlier = html.section(html.main(member_client.get(URL)), "Earlier sorts")
    assert len(html.hrefs(earlier)) == 20
    assert "And 2 older sorts." in html.words(earlier)
    assert Sort.objects.filter(owner=member).count() == 23


def test_another_members_sorts_never_show(other_client, sort):
    main = html.main(other_client.get(URL))
    assert "My words for honesty." not in html.words(main)
    assert ("Start sorting", reverse("values:sort")) in html.links(main)
