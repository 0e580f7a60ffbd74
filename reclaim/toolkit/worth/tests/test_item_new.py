from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.worth.models import ACCOMPLISHMENT, STRENGTH, Item
from reclaim.vault.fields import open_row

from .conftest import RISK, panel_shown


def _url(segment: str) -> str:
    return reverse("worth:item_new", args=[segment])


def test_a_strength_is_kept_with_its_note(member_client, member):
    response = member_client.post(_url("strengths"), {"text": "Loyal", "note": "Ask my friends."})
    assert response["Location"] == reverse("worth:index") + "#strengths"
    item = open_row(Item.objects.get(owner=member))
    assert (item.kind, item.text, item.note) == (STRENGTH, "Loyal", "Ask my friends.")


def test_an_accomplishment_is_kept_without_a_note(member_client, member):
    member_client.post(_url("accomplishments"), {"text": "Moved city on my own", "note": ""})
    item = open_row(Item.objects.get(owner=member))
    assert (item.kind, item.text, item.note) == (ACCOMPLISHMENT, "Moved city on my own", "")


def test_a_prompt_is_shown_above_the_form(member_client):
    page = member_client.get(_url("accomplishments"), {"prompt": "done-thanked"})
    assert "Something someone thanked you for" in html.words(html.main(page))
    assert html.values(page, "prompt") == ["done-thanked"]


def test_a_prompt_of_the_other_kind_is_not_shown(member_client):
    page = member_client.get(_url("strengths"), {"prompt": "done-thanked"})
    assert html.values(page, "prompt") == []
    assert "Something someone thanked you for" not in html.words(html.main(page))


def test_no_words_gets_a_kind_message_and_the_note_is_kept(member_client, member):
    page = member_client.post(
        _url("accomplishments"), {"text": "", "note": "It was a long year."}
    ).content.decode()
    assert "Write a few words about what you did" in page
    assert "It was a long year." in page
    assert not Item.objects.exists()


def test_an_unknown_list_is_not_found(member_client):
    assert member_client.get(_url("weaknesses")).status_code == 404


def test_risk_in_a_note_is_saved_and_heard(member_client, member):
    response = member_client.post(
        _url("strengths"), {"text": "Still here", "note": RISK}, follow=True
    )
    assert open_row(Item.objects.get(owner=member)).note == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    assert panel_shown(response)
