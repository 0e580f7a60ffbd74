"""The list of earlier practice, one saved practice, and deleting it."""

import re

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.sayno.models import Practice


def test_the_list_shows_earlier_practice_newest_first(member_client, member, practise):
    first = practise(member, "No.", "late-night-talk")
    second = practise(member, "Not this year.", "host-or-organise")
    page = member_client.get(reverse("sayno:practice_list")).content.decode()
    assert page.index(str(second.pk)) < page.index(str(first.pk))
    assert "A big talk late at night" in page and "Asked to host or organise" in page


def test_the_list_pages_after_twenty(member_client, member, practise):
    for n in range(21):
        practise(member, f"No {n}.")
    page = member_client.get(reverse("sayno:practice_list")).content.decode()
    rows = re.findall(r'href="/tools/saying-no/practice/[0-9a-f-]{36}/"', page)
    assert len(rows) == 20
    assert "Page 1 of 2" in page
    assert (
        "Page 2 of 2"
        in member_client.get(reverse("sayno:practice_list"), {"page": 2}).content.decode()
    )


def test_the_list_is_kind_when_empty(member_client):
    assert (
        "Nothing saved yet." in member_client.get(reverse("sayno:practice_list")).content.decode()
    )


def test_a_saved_practice_shows_the_reply_and_its_feedback(member_client, practice):
    page = member_client.get(reverse("sayno:practice_detail", args=[practice.pk]))
    assert "No, I'm keeping my sessions." in html.words(html.main(page))
    assert html.one(page, '[data-rule="clear-no"]')["data-state"] == "pass"
    assert reverse("sayno:practise", args=["stop-support"]) in html.hrefs(html.main(page))


def test_deleting_asks_first_then_deletes(member_client, practice):
    url = reverse("sayno:practice_delete", args=[practice.pk])
    assert "Delete this practice?" in member_client.get(url).content.decode()
    assert Practice.objects.filter(pk=practice.pk).exists()
    response = member_client.post(url)
    assert response["Location"] == reverse("sayno:practice_list")
    assert not Practice.objects.filter(pk=practice.pk).exists()
    assert "That practice is deleted." in member_client.get(response["Location"]).content.decode()
