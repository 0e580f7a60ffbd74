from django.urls import reverse

from reclaim.toolkit.selfcare.models import Activity
from reclaim.vault.fields import open_row


def _url(activity) -> str:
    return reverse("selfcare:activity_edit", args=[activity.pk])


def test_own_words_can_be_changed(member_client, tomatoes):
    assert "Water the tomatoes" in member_client.get(_url(tomatoes)).content.decode()
    response = member_client.post(_url(tomatoes), {"text": "Water the beans"})
    assert response["Location"] == reverse("selfcare:plan")
    assert open_row(Activity.objects.get(pk=tomatoes.pk)).own == "Water the beans"


def test_a_suggestion_can_be_put_in_own_words(member_client, walk):
    assert "Go for a short walk" in member_client.get(_url(walk)).content.decode()
    member_client.post(_url(walk), {"text": "Walk to the river"})
    activity = open_row(Activity.objects.get(pk=walk.pk))
    assert (activity.code, activity.label) == ("", "Walk to the river")


def test_no_words_asks_kindly_and_changes_nothing(member_client, tomatoes):
    page = member_client.post(_url(tomatoes), {"text": " "}).content.decode()
    assert "Write a few words for this activity" in page
    assert open_row(Activity.objects.get(pk=tomatoes.pk)).own == "Water the tomatoes"
