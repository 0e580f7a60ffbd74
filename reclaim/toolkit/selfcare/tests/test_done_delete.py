from django.urls import reverse

from reclaim.toolkit.selfcare.models import Done


def _url(done) -> str:
    return reverse("selfcare:done_delete", args=[done.pk])


def test_it_asks_first_and_shows_the_note(member_client, done):
    page = member_client.get(_url(done)).content.decode()
    assert "Take this off your log?" in page
    assert "Round the park." in page
    assert Done.objects.filter(pk=done.pk).exists()


def test_it_comes_off_and_the_member_returns_to_that_week(member_client, done):
    response = member_client.post(_url(done))
    assert response["Location"] == reverse("selfcare:week_of", args=["2026-03-02"])
    assert not Done.objects.filter(pk=done.pk).exists()


def test_the_week_links_to_it(member_client, done):
    page = member_client.get(reverse("selfcare:week_of", args=["2026-03-02"])).content.decode()
    assert _url(done) in page
