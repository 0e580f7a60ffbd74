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
    html = _page(member_client.get(URL))
    assert "Step 1 of 3" in html
    assert html.count('type="radio"') == 3 * 30
    assert "Matters a lot" in html and "Somewhat" in html and "Not now" in html
    assert "Saying what is true, and being told the truth." in html


def test_the_whole_sort_saves_five_in_the_members_own_words(member_client, member):
    lot = ["honesty", "respect", "calm", "family", "growth", "nature"]
    step2 = _page(member_client.post(URL, {"step": "1", **piles(lot=lot, some=["fun"])}))
    assert "Step 2 of 3" in step2 and "These matter a lot to you" in step2
    # Six matter a lot, so the "somewhat" pile is not offered.
    assert "fun" not in _offered(step2)
    chosen = lot[:5]
    step3 = _page(member_client.post(URL, {"step": "2", **piles(lot=lot), "chosen": chosen}))
    assert "Step 3 of 3" in step3
    assert "What does honesty mean for me now?" in step3
    words = {f"words_{code}": f"For me {code} is close." for code in chosen}
    done = member_client.post(
        URL, {"step": "3", "go": "save", **piles(lot=lot), "chosen": chosen, **words}, follow=True
    )
    assert "Saved. These are your five for now." in done.content.decode()
    sort = open_row(Sort.objects.get(owner=member))
    assert [item["code"] for item in sort.top] == chosen
    assert sort.top[0]["words"] == "For me honesty is close."


def test_with_fewer_than_five_that_matter_a_lot_the_somewhat_ones_are_offered(member_client):
    html = _page(
        member_client.post(URL, {"step": "1", **piles(lot=["honesty"], some=["fun", "home"])})
    )
    assert "These matter somewhat" in html
    assert {"fun", "home"} <= set(_offered(html))


def test_marking_nothing_gets_a_kind_message_on_step_one(member_client):
    html = _page(member_client.post(URL, {"step": "1", **piles(not_now=["fun"])}))
    assert "Step 1 of 3" in html
    assert "Mark at least one value as mattering a lot or somewhat" in html
    # The one answer given is kept.
    assert 'id="id_pile_fun_2" checked' in html
    assert html.count(" checked") == 1


def test_choosing_more_than_five_is_kindly_refused_and_keeps_every_tick(member_client):
    lot = ["honesty", "respect", "calm", "family", "growth", "nature", "fun"]
    html = _page(member_client.post(URL, {"step": "2", **piles(lot=lot), "chosen": lot}))
    assert "Step 2 of 3" in html
    assert "You chose 7. Could you choose up to five?" in html
    assert html.count(" checked") == 7
    assert not Sort.objects.exists()


def test_choosing_none_asks_for_at_least_one(member_client):
    html = _page(member_client.post(URL, {"step": "2", **piles(lot=["honesty"])}))
    assert "Choose at least one value to carry on. One is enough." in html


def test_a_value_outside_the_piles_cannot_be_slipped_in(member_client):
    html = _page(
        member_client.post(URL, {"step": "2", **piles(lot=["honesty"]), "chosen": ["justice"]})
    )
    assert "Step 2 of 3" in html and "not in your piles" in html


def test_words_that_are_too_long_get_a_kind_message_and_are_kept(member_client):
    long_words = "steady " * 800
    html = _page(
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
    assert "Could you shorten it? Your words are still here." in html
    assert long_words.strip() in html
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
    assert "Step 2 of 3" in step2
    assert html.values(step2, "chosen") == ["calm"]
    assert html.values(step2, "words_calm") == ["Quiet mornings."]
    back_to_1 = _page(member_client.post(URL, {**data, "step": "2"}))
    assert "Step 1 of 3" in back_to_1
    assert html.values(back_to_1, "words_calm") == ["Quiet mornings."]
    ticked = [box for box in html.select(back_to_1, "input[checked]")]
    assert len(ticked) == 2


def test_sorting_again_starts_from_the_last_words_for_a_value_kept(member_client, sort):
    html = _page(
        member_client.post(URL, {"step": "2", **piles(lot=["honesty"]), "chosen": ["honesty"]})
    )
    assert "My words for honesty." in html


def test_a_redo_is_saved_as_a_new_sort_beside_the_old(member_client, member, sort):
    member_client.post(
        URL, {"step": "3", "go": "save", **piles(lot=["fun"]), "chosen": ["fun"], "words_fun": ""}
    )
    assert Sort.objects.filter(owner=member).count() == 2
