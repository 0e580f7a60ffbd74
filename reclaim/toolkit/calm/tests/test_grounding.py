"""5-4-3-2-1 grounding: one sense per screen, and nothing kept unless the member asks."""

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.calm.models import Grounding
from reclaim.vault.fields import open_row

URL = reverse("calm:grounding")
EMPTY = {"see": "", "touch": "", "hear": "", "smell": "", "taste": ""}


def post(client, step, go="next", **notes):
    return client.post(URL, {**EMPTY, **notes, "step": step, "go": go})


def test_it_starts_with_five_things_you_can_see_and_a_way_to_stop(member_client):
    main = html.main(member_client.get(URL))
    assert "5 things you can see" in html.words(main)
    assert "Step 1 of 5" in html.words(main)
    assert ("Stop here", reverse("calm:index")) in html.links(main)
    assert html.values(main, "go") == ["next"]  # nothing to go back to yet


def test_each_step_is_its_own_plain_page(member_client):
    for step, heading in enumerate(
        [
            "5 things you can see",
            "4 things you can touch",
            "3 things you can hear",
            "2 things you can smell",
            "1 thing you can taste",
        ],
        start=1,
    ):
        page = member_client.get(URL, {"step": step}).content.decode()
        assert heading in page and f"Step {step} of 5" in page and "Stop here" in page


def test_a_step_that_makes_no_sense_opens_the_first(member_client):
    for step in ("soon", "-3"):
        assert "5 things you can see" in member_client.get(URL, {"step": step}).content.decode()


def test_next_and_back_move_one_sense_and_carry_the_notes(member_client):
    page = post(member_client, 1, see="a blue mug")
    assert "4 things you can touch" in html.words(html.main(page))
    assert html.values(page, "see") == ["a blue mug"]
    page = post(member_client, 2, "back", see="a blue mug", touch="the sofa")
    assert "5 things you can see" in html.words(html.main(page))
    assert html.values(page, "see") == ["a blue mug"]
    assert html.values(page, "touch") == ["the sofa"]


def test_the_end_shows_the_notes_and_saves_nothing_until_asked(member_client, member):
    page = post(member_client, 5, see="the lamp", taste="mint").content.decode()
    assert "You did it" in page
    assert "the lamp" in page and "mint" in page
    assert "Keep my notes" in page and "Let them go" in page
    assert not Grounding.objects.filter(owner=member).exists()


def test_the_end_without_notes_offers_no_saving(member_client):
    page = post(member_client, 5).content.decode()
    assert "You did it" in page and "Keep my notes" not in page


def test_keeping_the_notes_seals_them_and_lists_them_on_the_calm_page(member_client, member):
    response = post(member_client, 6, "save", see="the lamp", hear="a car outside")
    assert response.status_code == 302 and response["Location"] == reverse("calm:index")
    kept = open_row(Grounding.objects.get(owner=member))
    assert kept.notes == {"see": "the lamp", "hear": "a car outside"}
    assert b"the lamp" not in bytes(kept.notes_sealed)
    page = member_client.get(reverse("calm:index")).content.decode()
    assert "Your notes are kept." in page
    assert reverse("calm:grounding_detail", args=[kept.pk]) in page
    detail = member_client.get(reverse("calm:grounding_detail", args=[kept.pk])).content.decode()
    assert "the lamp" in detail and "a car outside" in detail


def test_asking_to_keep_empty_notes_keeps_nothing(member_client, member):
    response = post(member_client, 6, "save")
    assert response.status_code == 302
    assert not Grounding.objects.filter(owner=member).exists()


def test_a_note_too_long_gets_a_kind_message_and_keeps_the_words(member_client, member):
    long_words = "the lamp " * 40
    page = post(member_client, 1, see=long_words).content.decode()
    assert "5 things you can see" in page  # stays on the same step
    assert "Could you shorten it? Your words are still here." in page
    assert long_words.strip() in page
    assert not Grounding.objects.filter(owner=member).exists()


def test_kept_notes_can_be_deleted(member_client, member):
    post(member_client, 6, "save", see="the lamp")
    kept = open_row(Grounding.objects.get(owner=member))
    url = reverse("calm:grounding_delete", args=[kept.pk])
    assert "Delete these grounding notes?" in member_client.get(url).content.decode()
    assert member_client.post(url).status_code == 302
    assert not Grounding.objects.filter(owner=member).exists()
