"""The three steps of a sort, which work as plain forms without JavaScript."""

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.values.models import Sort
from reclaim.vault.fields import open_row

from .conftest import piles

URL = reverse("values:sort")


def _page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def _offered(page: str) -> list[str]:
    """The values a step offers to tick, by their codes."""
    return [str(box["value"]) for box in html.select(page, 'input[type="checkbox"]')]


def test_step_one_offers_every_value_with_three_choices(member_client):
    page = _page(member_client.get(URL))
    assert "Step 1 of 3" in html.words(html.main(page))
    asked = html.select(page, "fieldset")
    assert len(asked) == 30
    for value in asked:
        choices = [html.words(label) for label in html.select(value, "label")]
        assert choices == ["Matters a lot", "Somewhat", "Not now"], html.words(value)
    assert html.words(asked[0]).startswith("Honesty Saying what is true, and being told the truth.")


def test_the_whole_sort_saves_five_in_the_members_own_words(member_client, member):
    lot = ["honesty", "respect", "calm", "family", "growth", "nature"]
    step2 = _page(member_client.post(URL, {"step": "1", **piles(lot=lot, some=["fun"])}))
    assert "Step 2 of 3" in html.words(step2)
    assert "These matter a lot to you" in html.words(step2)
    # Six matter a lot, so the "somewhat" pile is not offered.
    assert "fun" not in _offered(step2)
    chosen = lot[:5]
    step3 = _page(member_client.post(URL, {"step": "2", **piles(lot=lot), "chosen": chosen}))
    assert "Step 3 of 3" in html.words(step3)
    assert html.label_for(step3, "words_honesty").startswith("What does honesty mean for me now?")
    words = {f"words_{code}": f"For me {code} is close." for code in chosen}
    done = member_client.post(
        URL, {"step": "3", "go": "save", **piles(lot=lot), "chosen": chosen, **words}, follow=True
    )
    assert "Saved. These are your five for now." in html.words(done)
    sort = open_row(Sort.objects.get(owner=member))
    assert [item["code"] for item in sort.top] == chosen
    assert sort.top[0]["words"] == "For me honesty is close."


def test_with_fewer_than_five_that_matter_a_lot_the_somewhat_ones_are_offered(member_client):
    page = _page(
        member_client.post(URL, {"step": "1", **piles(lot=["honesty"], some=["fun", "home"])})
    )
    assert "These matter somewhat" in html.words(page)
    assert {"fun", "home"} <= set(_offered(page))


def test_marking_nothing_gets_a_kind_message_on_step_one(member_client):
    page = _page(member_client.post(URL, {"step": "1", **piles(not_now=["fun"])}))
    text = html.words(html.main(page))
    assert "Step 1 of 3" in text
    assert "Mark at least one value as mattering a lot or somewhat" in text
    # The one answer given is kept.
    assert html.values(page, "pile_fun") == ["not"]
    assert len(html.select(page, "input[checked]")) == 1


def test_choosing_more_than_five_is_kindly_refused_and_keeps_every_tick(member_client):
    lot = ["honesty", "respect", "calm", "family", "growth", "nature", "fun"]
    page = _page(member_client.post(URL, {"step": "2", **piles(lot=lot), "chosen": lot}))
    text = html.words(html.main(page))
    assert "Step 2 of 3" in text
    assert "You chose 7. Could you choose up to five?" in text
    assert sorted(html.values(page, "chosen")) == sorted(lot)
    assert not Sort.objects.exists()


def test_choosing_none_asks_for_at_least_one(member_client):
    page = _page(member_client.post(URL, {"step": "2", **piles(lot=["honesty"])}))
    assert "Choose at least one value to carry on. One is enough." in html.words(page)


def test_a_value_outside_the_piles_cannot_be_slipped_in(member_client):
    page = _page(
        member_client.post(URL, {"step": "2", **piles(lot=["honesty"]), "chosen": ["justice"]})
    )
    text = html.words(html.main(page))
    assert "Step 2 of 3" in text and "not in your piles" in text


def test_words_that_are_too_long_get_a_kind_message_and_are_kept(member_client):
    long_words = "steady " * 800
    page = _page(
        member_client.post(
            URL,
            {
                "step": "3",
                "go": "save",
                **piles(lot=["honesty"]),
                "chosen": ["honesty"],
                "words_honesty": long_words,
            },
        )
    )
    assert "Could you shorten it? Your words are still here." in html.words(page)
    assert html.values(page, "words_honesty") == [long_words]
    assert not Sort.objects.exists()


def test_going_back_keeps_what_was_marked_chosen_and_typed(member_client):
    data = {
        "step": "3",
        "go": "back",
        **piles(lot=["honesty", "calm"]),
        "chosen": ["calm"],
        "words_calm": "Quiet mornings.",
    }
    step2 = _page(member_client.post(URL, data))
    assert "Step 2 of 3" in html.words(step2)
    assert html.values(step2, "chosen") == ["calm"]
    assert html.values(step2, "words_calm") == ["Quiet mornings."]
    back_to_1 = _page(member_client.post(URL, {**data, "step": "2"}))
    assert "Step 1 of 3" in html.words(back_to_1)
    assert html.values(back_to_1, "words_calm") == ["Quiet mornings."]
    ticked = [box for box in html.select(back_to_1, "input[checked]")]
    assert len(ticked) == 2


def test_sorting_again_starts_from_the_last_words_for_a_value_kept(member_client, sort):
    page = _page(
        member_client.post(URL, {"step": "2", **piles(lot=["honesty"]), "chosen": ["honesty"]})
    )
    assert html.values(page, "words_honesty") == ["My words for honesty."]


def test_a_redo_is_saved_as_a_new_sort_beside_the_old(member_client, member, sort):
    member_client.post(
        URL, {"step": "3", "go": "save", **piles(lot=["fun"]), "chosen": ["fun"], "words_fun": ""}
    )
    assert Sort.objects.filter(owner=member).count() == 2
