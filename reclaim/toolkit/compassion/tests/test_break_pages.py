"""All earlier breaks, one break, and deleting it."""

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.compassion.models import Break


def test_the_list_pages_after_twenty(member_client, member, take):
    for _ in range(21):
        take(member)
    main = html.main(member_client.get(reverse("compassion:list")))
    shown = {str(row.pk) for row in Break.objects.filter(owner=member)}
    listed = [href for href in html.hrefs(main) if href.strip("/").split("/")[-1] in shown]
    assert len(listed) == 20
    assert "Page 1 of 2" in html.words(main)


def test_the_list_is_kind_when_empty(member_client):
    assert "Nothing saved yet." in member_client.get(reverse("compassion:list")).content.decode()


def test_a_break_shows_its_three_answers(member_client, saved_break):
    page = member_client.get(reverse("compassion:detail", args=[saved_break.pk]))
    text = html.words(html.main(page))
    for words in ("Tight chest.", "My group.", "Rest now."):
        assert words in text


def test_a_break_does_not_take_posts(member_client, saved_break):
    assert (
        member_client.post(reverse("compassion:detail", args=[saved_break.pk])).status_code == 405
    )


def test_deleting_asks_first_then_deletes(member_client, saved_break):
    url = reverse("compassion:delete", args=[saved_break.pk])
    assert "Delete this break?" in member_client.get(url).content.decode()
    response = member_client.post(url)
    assert response["Location"] == reverse("compassion:index")
    assert not Break.objects.filter(pk=saved_break.pk).exists()
