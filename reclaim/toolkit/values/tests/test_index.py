from django.urls import reverse

from reclaim.toolkit.values.models import Sort

URL = reverse("values:index")


def test_before_any_sort_it_explains_the_three_steps_and_invites_a_start(member_client):
    html = member_client.get(URL).content.decode()
    assert "What matters most to you, now?" in html
    assert "Start sorting" in html and reverse("values:sort") in html
    assert "Earlier sorts" not in html


def test_it_shows_the_current_five_with_the_members_words(member_client, sort):
    html = member_client.get(URL).content.decode()
    assert "Your five for now" in html
    for name in ("Honesty", "Respect", "Calm"):
        assert name in html
    assert "My words for honesty." in html
    assert "Sort again" in html


def test_earlier_sorts_are_listed_by_date_with_their_names_and_open(
    member_client, member, make_sort
):
    first = make_sort(member, ["nature", "fun"])
    make_sort(member, ["courage"])
    html = member_client.get(URL).content.decode()
    assert "Earlier sorts" in html
    assert reverse("values:detail", args=[first.pk]) in html
    assert "Nature, Fun" in html
    # The earlier sort's words wait behind its link.
    assert "My words for nature." not in html


def test_a_long_history_shows_twenty_and_counts_the_rest(member_client, member, make_sort):
    for _ in range(23):
        make_sort(member, ["fun"])
    html = member_client.get(URL).content.decode()
    assert html.count('href="/tools/values/') - html.count(reverse("values:sort")) >= 20
    assert "And 2 older sorts." in html
    assert Sort.objects.filter(owner=member).count() == 23


def test_another_members_sorts_never_show(other_client, sort):
    html = other_client.get(URL).content.decode()
    assert "My words for honesty." not in html and "Start sorting" in html
