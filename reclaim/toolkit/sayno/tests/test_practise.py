from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.forms import TEXT_LIMIT
from reclaim.toolkit.sayno.models import Practice
from reclaim.toolkit.sayno.scenarios import get_scenario
from reclaim.vault.fields import open_row


def url(code: str = "holiday-dinner") -> str:
    return reverse("sayno:practise", args=[code])


def test_the_page_shows_the_moment_what_they_say_and_a_box(member_client):
    page = member_client.get(url())
    scenario = get_scenario("holiday-dinner")
    text = html.words(html.main(page))
    assert " ".join(scenario.situation.split()) in text
    assert "Everyone's expecting you." in text
    assert html.values(page, "draft") == [""]
    assert not html.select(page, '[name="moment"]')
    assert "What the rules noticed" not in text


def test_checking_shows_the_feedback_and_keeps_the_words_but_saves_nothing(member_client, member):
    reply = "I'm so sorry, maybe I can't come, is that ok?"
    page = member_client.post(url(), {"draft": reply, "action": "check"})
    assert "What the rules noticed" in html.words(html.main(page))
    states = {rule["data-rule"]: rule["data-state"] for rule in html.select(page, "[data-rule]")}
    expected = {
        "apology": "notice",
        "hedging": "notice",
        "handing-back": "notice",
        "clear-no": "pass",
    }
    assert {rule: states.get(rule) for rule in expected} == expected
    assert html.values(page, "draft") == [reply]
    assert not Practice.objects.exists()


def test_a_clear_no_is_told_it_is_complete(member_client):
    page = member_client.post(url(), {"draft": "No, thank you.", "action": "check"})
    assert "That is a complete no." in page.content.decode()


def test_checking_an_empty_reply_offers_a_first_word(member_client):
    page = member_client.post(url(), {"draft": "  ", "action": "check"}).content.decode()
    assert "Even one word is a start" in page


def test_saving_keeps_the_reply_sealed_and_shows_it_with_its_feedback(member_client, member):
    response = member_client.post(url(), {"draft": "I won't be there.", "action": "save"})
    practice = open_row(Practice.objects.get(owner=member))
    assert response.status_code == 302
    assert response["Location"] == reverse("sayno:practice_detail", args=[practice.pk])
    assert (practice.scenario, practice.draft) == ("holiday-dinner", "I won't be there.")
    page = member_client.get(response["Location"]).content.decode()
    assert "Saved with your practice." in page
    assert "What the rules noticed" in page


def test_saving_nothing_gets_a_kind_message(member_client, member):
    page = member_client.post(url(), {"draft": "", "action": "save"})
    assert page.status_code == 200
    assert "There is nothing to save yet." in page.content.decode()
    assert not Practice.objects.exists()


def test_a_reply_longer_than_the_box_is_kept_on_the_page_with_a_kind_message(member_client):
    reply = "No. " * (TEXT_LIMIT // 4 + 1)
    page = member_client.post(url(), {"draft": reply, "action": "save"})
    assert "Could you shorten it? Your words are still here." in html.words(html.main(page))
    assert html.values(page, "draft") == [reply]
    assert not Practice.objects.exists()


def test_a_moment_of_your_own_asks_what_it_is_about_and_keeps_it(member_client, member):
    assert html.values(member_client.get(url("own")), "moment") == [""]
    member_client.post(
        url("own"), {"moment": "the school run", "draft": "No, not today.", "action": "save"}
    )
    practice = open_row(Practice.objects.get(owner=member))
    assert (practice.scenario, practice.moment) == ("own", "the school run")


def test_an_unknown_moment_is_not_found(member_client):
    assert member_client.get(url("nothing-here")).status_code == 404
