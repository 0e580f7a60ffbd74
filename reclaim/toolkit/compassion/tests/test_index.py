from django.urls import reverse

from reclaim.testing import html

URL = reverse("compassion:index")


def test_it_offers_the_break_and_the_letter(member_client):
    main = html.main(member_client.get(URL))
    assert reverse("compassion:break") in html.hrefs(main)
    assert f"{reverse('journal:new')}?prompt=letter-01" in html.hrefs(main)
    assert "Breaks you choose to save will be listed here" in html.words(main)


def test_it_lists_the_newest_five_breaks_and_links_to_the_rest(member_client, member, take):
    rows = [take(member) for _ in range(6)]
    page = member_client.get(URL)
    text = html.words(html.main(page))
    assert reverse("compassion:detail", args=[rows[-1].pk]) in html.hrefs(page)
    assert reverse("compassion:detail", args=[rows[0].pk]) not in html.hrefs(page)
    assert "All your breaks (6)" in text


def test_someone_elses_breaks_are_not_listed(member_client, other_member, take):
    theirs = take(other_member)
    assert str(theirs.pk) not in member_client.get(URL).content.decode()
