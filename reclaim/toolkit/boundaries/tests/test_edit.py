from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Boundary
from reclaim.vault.fields import open_row

from .conftest import PARTS


def test_the_edit_form_opens_with_the_saved_words(member_client, boundary):
    page = member_client.get(reverse("boundaries:edit", args=[boundary.pk]))
    assert "Change this boundary" in html.words(html.main(page))
    assert html.values(page, "behaviour") == [PARTS["behaviour"]]
    assert html.values(page, "script") == [boundary.script]
    assert html.values(page, "value") == ["respect"]


def test_a_change_is_saved_and_shown(member_client, boundary):
    url = reverse("boundaries:edit", args=[boundary.pk])
    response = member_client.post(
        url, {**PARTS, "need": "a pause", "script": "New words.", "go": "save"}
    )
    assert response["Location"] == reverse("boundaries:detail", args=[boundary.pk])
    boundary = open_row(Boundary.objects.get(pk=boundary.pk))
    assert boundary.need == "a pause" and boundary.script == "New words."


def test_a_value_from_an_older_sort_stays_choosable(member_client, member, boundary):
    from reclaim.toolkit.values.actions import do_save_sort

    do_save_sort(member, ["fun"], {})
    page = member_client.get(reverse("boundaries:edit", args=[boundary.pk]))
    offered = [box["value"] for box in html.select(page, '[name="value"]')]
    assert "fun" in offered and "respect" in offered


def test_bad_input_on_edit_keeps_the_words_and_changes_nothing(member_client, boundary):
    url = reverse("boundaries:edit", args=[boundary.pk])
    page = member_client.post(url, {**PARTS, "action": "x" * 5001, "go": "save"})
    text = html.words(html.main(page))
    assert "Could you shorten it?" in text
    boundary = open_row(Boundary.objects.get(pk=boundary.pk))
    assert boundary.action == PARTS["action"]
