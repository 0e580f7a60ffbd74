"""Writing down where one stands: a new dated snapshot."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.options import queries
from reclaim.toolkit.options.models import Snapshot
from reclaim.vault.fields import open_row

from .conftest import posted


def test_the_first_view_starts_empty_with_every_slider_in_the_middle(member_client):
    page = member_client.get(reverse("options:new"))
    sliders = html.select(html.main(page), 'input[type="range"]')
    assert [slider["value"] for slider in sliders] == ["5"] * 4
    assert "Every box can be left empty" in html.words(page)
    assert reverse("safety:home_safety") in html.hrefs(html.main(page))


def test_a_view_is_saved_with_todays_date(member_client, member):
    response = member_client.post(
        reverse("options:new"),
        posted(
            work_drawn="8", work_need="Them answering questions without anger.", space_drawn="2"
        ),
    )
    assert response["Location"] == reverse("options:index")
    snapshot = open_row(Snapshot.objects.get(owner=member))
    assert snapshot.drawn("work") == 8 and snapshot.drawn("space") == 2
    assert snapshot.words("work", "need") == "Them answering questions without anger."
    text = html.words(html.main(member_client.get(response["Location"])))
    assert "Saved, with today's date." in text
    assert "Them answering questions without anger." in text


def test_an_update_starts_from_the_last_words_so_only_changes_need_typing(member_client, snapshot):
    page = member_client.get(reverse("options:new"))
    assert "This starts from what you wrote on" in html.words(page)
    assert html.values(page, "work_pros") == ["The years we built together."]
    drawn = [html.values(page, f"{path}_drawn") for path in ("work", "space", "separate")]
    assert drawn == [["6"], ["4"], ["2"]]
    assert html.values(page, "undecided_drawn") == ["7"]


def test_an_update_is_a_new_snapshot_and_the_earlier_one_is_kept(member_client, member, snapshot):
    data = posted(
        work_drawn="3",
        work_pros="The years we built together.",
        space_drawn="8",
        space_step="Ask my sister about her spare room.",
    )
    member_client.post(reverse("options:new"), data)
    assert Snapshot.objects.filter(owner=member).count() == 2
    kept = open_row(Snapshot.objects.get(pk=snapshot.pk))
    assert kept.drawn("work") == 6
    assert kept.words("work", "step") == "Ask about counselling."


def test_a_number_outside_0_to_10_gets_a_kind_message_and_keeps_every_word(member_client, member):
    response = member_client.post(
        reverse("options:new"), posted(separate_drawn="12", separate_pros="A quieter home.")
    )
    assert response.status_code == 200
    page = response
    text = html.words(html.main(page))
    assert "How drawn you feel is a number from 0 to 10. Your words are still here." in text
    assert "A quieter home." in text
    assert not Snapshot.objects.filter(owner=member).exists()


def test_too_many_words_get_a_kind_message_and_are_kept(member_client, member):
    response = member_client.post(reverse("options:new"), posted(undecided_need="wait " * 1100))
    assert response.status_code == 200
    page = response
    text = html.words(html.main(page))
    assert "Could you shorten it? Your words are still here." in text
    assert "wait wait wait" in text
    assert not Snapshot.objects.filter(owner=member).exists()


def test_without_the_values_tool_the_form_offers_to_sort_values_first(member_client):
    with mock.patch.object(queries, "top_values", return_value=[]):
        page = member_client.get(reverse("options:new"))
    assert reverse("values:index") in html.hrefs(html.main(page))


def test_the_members_top_five_values_show_beside_the_questions(member_client):
    five = [
        ("honesty", "Honesty", "No more secrets in my home."),
        ("respect", "Respect", ""),
        ("family", "Family", "The kids come first."),
        ("calm", "Calm", ""),
        ("growth", "Growth", ""),
    ]
    with mock.patch.object(queries, "top_values", return_value=five):
        page = member_client.get(reverse("options:new"))
    assert "Honesty: No more secrets in my home." in html.words(html.main(page))
    assert "Growth" in [html.words(name) for name in html.select(html.main(page), "strong")]


def test_the_form_shows_the_five_values_the_member_sorted_in_their_own_words(member_client, member):
    from reclaim.toolkit.values.actions import do_save_sort

    chosen = ["honesty", "calm", "family", "growth", "fairness"]
    do_save_sort(member, chosen, {"honesty": "No more secrets in my home."})
    page = member_client.get(reverse("options:new"))
    text = html.words(html.main(page))
    assert "No more secrets in my home." in text
    assert "Honesty" in text and "Fairness" in text
