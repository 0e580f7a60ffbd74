from django.urls import reverse

from reclaim.toolkit.sayno.scenarios import SCENARIOS

URL = reverse("sayno:index")


def test_it_offers_every_scenario_and_explains_the_feedback(member_client):
    page = member_client.get(URL).content.decode()
    for scenario in SCENARIOS:
        assert f'href="{reverse("sayno:practise", args=[scenario.code])}"' in page
    assert reverse("sayno:how") in page
    assert reverse("sayno:real_new") in page
    assert "Replies you save will be kept here" in page


def test_it_shows_recent_practice_and_real_ones(member_client, member, practice, real):
    page = member_client.get(URL).content.decode()
    assert reverse("sayno:practice_detail", args=[practice.pk]) in page
    assert "Asked to stop talking to your support" in page
    assert "My brother" in page
    assert "felt 7 out of 10 afterwards" in page


def test_it_shows_only_the_newest_five_and_links_to_the_rest(member_client, member, practise):
    for n in range(7):
        practise(member, f"No, number {n}.")
    page = member_client.get(URL).content.decode()
    assert page.count("/tools/saying-no/practice/") == 5 + 1  # five rows, one "all" link
    assert "All your practice (7)" in page


def test_someone_elses_practice_is_not_listed(member_client, other_member, practise):
    theirs = practise(other_member)
    page = member_client.get(URL).content.decode()
    assert str(theirs.pk) not in page
