from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.sayno.scenarios import SCENARIOS

URL = reverse("sayno:index")


def test_it_offers_every_scenario_and_explains_the_feedback(member_client):
    main = html.main(member_client.get(URL))
    for scenario in SCENARIOS:
        assert reverse("sayno:practise", args=[scenario.code]) in html.hrefs(main)
    assert reverse("sayno:how") in html.hrefs(main)
    assert reverse("sayno:real_new") in html.hrefs(main)
    assert "Replies you save will be kept here" in html.words(main)


def test_it_shows_recent_practice_and_real_ones(member_client, member, practice, real):
    main = html.main(member_client.get(URL))
    assert reverse("sayno:practice_detail", args=[practice.pk]) in html.hrefs(main)
    assert "Asked to stop talking to your support" in html.words(main)
    assert "My brother" in html.words(main)
    assert "felt 7 out of 10 afterwards" in html.words(main)


def test_it_shows_only_the_newest_five_and_links_to_the_rest(member_client, member, practise):
    for n in range(7):
        practise(member, f"No, number {n}.")
    main = html.main(member_client.get(URL))
    practice = [href for href in html.hrefs(main) if href.startswith("/tools/saying-no/practice/")]
    assert len(practice) == 5 + 1  # five rows, one "all" link
    assert "All your practice (7)" in html.words(main)


def test_someone_elses_practice_is_not_listed(member_client, other_member, practise):
    theirs = practise(other_member)
    page = member_client.get(URL).content.decode()
    assert str(theirs.pk) not in page
