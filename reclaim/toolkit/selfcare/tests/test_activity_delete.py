from django.urls import reverse

from reclaim.toolkit.selfcare.models import Activity, Done
from reclaim.vault.fields import open_row


def _url(activity) -> str:
    return reverse("selfcare:activity_delete", args=[activity.pk])


def test_it_asks_first(member_client, tomatoes):
    page = member_client.get(_url(tomatoes)).content.decode()
    assert "Take this off your plan?" in page
    assert Activity.objects.filter(pk=tomatoes.pk).exists()


def test_taking_it_off_keeps_what_was_already_done(member_client, member, walk, done):
    response = member_client.post(_url(walk))
    assert response["Location"] == reverse("selfcare:plan")
    assert not Activity.objects.filter(pk=walk.pk).exists()
    kept = open_row(Done.objects.get(pk=done.pk))
    assert kept.label == "Go for a short walk"
    page = member_client.get(reverse("selfcare:week_of", args=["2026-03-02"])).content.decode()
    assert "a walk" in page
