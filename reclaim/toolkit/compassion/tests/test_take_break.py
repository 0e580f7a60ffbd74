"""The three screens of a break, the end screen, and saving or leaving."""

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.compassion.models import Break
from reclaim.toolkit.forms import TEXT_LIMIT
from reclaim.vault.fields import open_row

URL = reverse("compassion:break")


def heading(response) -> str:
    return html.words(html.one(html.main(response), "h1"))


def test_the_first_screen_asks_to_notice_the_hurt_with_an_optional_box(member_client):
    response = member_client.get(URL)
    assert heading(response) == "Notice that this hurts"
    assert "Step 1 of 3" in html.words(html.main(response))
    assert html.values(response, "notice") == [""]
    assert "(if you like)" in html.words(html.main(response))
    assert html.title(response).startswith("Tools ·")


def test_each_screen_leads_to_the_next_carrying_the_words_without_saving(member_client):
    second = member_client.post(URL, {"step": "1", "go": "next", "notice": "A knot in my stomach"})
    assert heading(second) == "You are not alone in this"
    assert (
        html.one(second, 'input[type="hidden"][name="notice"]')["value"] == "A knot in my stomach"
    )
    third = member_client.post(
        URL, {"step": "2", "go": "next", "notice": "A knot in my stomach", "common": ""}
    )
    assert heading(third) == "Offer yourself some kindness"
    assert "Finish" in html.buttons(third)
    assert not Break.objects.exists()


def test_every_step_can_be_skipped(member_client):
    response = member_client.post(URL, {"step": "3", "go": "next"})
    assert heading(response) == "You gave yourself a few minutes"
    assert html.words(html.main(response)).count("Nothing written, and that is fine.") == 3


def test_back_returns_to_the_step_before_with_its_words(member_client):
    response = member_client.post(
        URL, {"step": "2", "go": "back", "notice": "Numb", "common": "My sister"}
    )
    assert heading(response) == "Notice that this hurts"
    assert html.one(response, 'textarea[name="notice"]')
    assert html.values(response, "notice") == ["Numb"]
    assert html.one(response, 'input[type="hidden"][name="common"]')["value"] == "My sister"


def test_the_end_shows_what_was_written_and_offers_to_save_or_leave(member_client):
    answers = {"notice": "Heavy", "common": "Others feel this", "kindness": "Be gentle"}
    page = member_client.post(URL, {"step": "3", "go": "next", **answers})
    for value in answers.values():
        assert value in html.words(html.main(page))
    assert "save" in [button.get("value") for button in html.select(page, "button")]
    assert ("Leave without saving", reverse("compassion:index")) in html.links(html.main(page))
    assert not Break.objects.exists()


def test_saving_keeps_the_break_sealed_and_lists_it(member_client, member):
    answers = {"notice": "Heavy", "common": "Others feel this", "kindness": "Be gentle"}
    response = member_client.post(URL, {"step": "4", "go": "save", **answers})
    assert response["Location"] == reverse("compassion:index")
    row = open_row(Break.objects.get(owner=member))
    assert (row.notice, row.common, row.kindness) == ("Heavy", "Others feel this", "Be gentle")
    page = member_client.get(response["Location"])
    text = html.words(html.main(page))
    assert "Saved." in text
    assert reverse("compassion:detail", args=[row.pk]) in html.hrefs(page)


def test_a_break_with_nothing_written_can_be_saved(member_client, member):
    member_client.post(URL, {"step": "4", "go": "save"})
    assert open_row(Break.objects.get(owner=member)).has_words is False


def test_too_many_words_get_a_kind_message_and_stay_on_the_screen(member_client):
    words = "x" * (TEXT_LIMIT + 1)
    response = member_client.post(URL, {"step": "1", "go": "next", "notice": words})
    assert heading(response) == "Notice that this hurts"
    page = response
    text = html.words(html.main(page))
    assert "Your words are still here." in text
    assert words in text
    assert not Break.objects.exists()


def test_a_step_number_that_makes_no_sense_starts_gently_at_the_beginning(member_client):
    assert heading(member_client.post(URL, {"step": "many"})) == "You are not alone in this"
    assert (
        heading(member_client.post(URL, {"step": "99", "go": "back"}))
        == "Offer yourself some kindness"
    )
