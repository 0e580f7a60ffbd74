import time

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.journal.actions import do_save_draft
from reclaim.journal.models import BODY_LIMIT, TITLE_LIMIT, Draft, Entry
from reclaim.journal.prompts import get_prompt
from reclaim.testing import html
from reclaim.vault.fields import open_row

URL = reverse("journal:new")


def test_the_page_is_plainly_titled_and_has_the_form(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert html.title(response).startswith("New entry ·")
    assert html.values(response, "body") == [""]
    assert any(s["src"].endswith("journal/draft.js") for s in html.select(response, "script[src]"))
    assert html.one(response, "#draft-status")["aria-live"] == "polite"
    assert reverse("journal:prompts") in html.hrefs(html.main(response))


def test_it_saves_an_entry_and_shows_it(member_client, member):
    response = member_client.post(
        URL, {"title": "Evening", "body": "A calmer evening.", "tags": "calm, sleep"}
    )
    entry = open_row(Entry.objects.get(owner=member))
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:detail", args=[entry.pk])
    assert (entry.title, entry.body, entry.tags) == (
        "Evening",
        "A calmer evening.",
        ["calm", "sleep"],
    )


def test_a_title_is_optional(member_client, member):
    member_client.post(URL, {"title": "", "body": "Just this.", "tags": ""})
    assert open_row(Entry.objects.get(owner=member)).title == ""


def test_the_members_tags_are_offered_as_chips_and_count_when_ticked(member_client, member, write):
    write(member, "x", tags=["walks", "sleep"])
    chips = html.select(member_client.get(URL), '[name="tag_choice"]')
    assert sorted(chip["value"] for chip in chips) == ["sleep", "walks"]
    member_client.post(URL, {"body": "Out again.", "tags": "rain", "tag_choice": ["walks"]})
    assert open_row(Entry.objects.filter(owner=member).order_by("-created").first()).tags == [
        "rain",
        "walks",
    ]


def test_a_chosen_prompt_is_shown_above_the_writing_and_kept(member_client, member):
    prompt = get_prompt("worth-01")
    main = html.main(member_client.get(URL, {"prompt": "worth-01"}))
    # The prompt comes before the writing box, in the order a member reads.
    assert " ".join(prompt.text.split()) in html.words_before(main, 'textarea[name="body"]')
    member_client.post(URL, {"body": "Patient. Kind.", "prompt": "worth-01"})
    assert Entry.objects.get(owner=member).prompt == "worth-01"


def test_an_unknown_prompt_is_ignored(member_client, member):
    main = html.main(member_client.get(URL, {"prompt": "nope-01"}))
    assert "Write freely, or pick a prompt" in html.words(main)
    assert not html.one(main, 'input[name="prompt"]').get("value")
    member_client.post(URL, {"body": "Patient. Kind.", "prompt": "nope-01"})
    assert Entry.objects.get(owner=member).prompt == ""


def test_an_empty_entry_gets_a_kind_message(member_client, member):
    response = member_client.post(URL, {"title": "Only a title", "body": "  "})
    assert response.status_code == 200
    assert "There's nothing to save yet" in html.words(html.main(response))
    assert html.values(response, "title") == ["Only a title"]
    assert not Entry.objects.exists()


def test_a_hundred_thousand_characters_save(member_client, member):
    words = ("All of it. " * 10_000)[: BODY_LIMIT - 1] + "!"
    assert len(words) == BODY_LIMIT
    response = member_client.post(URL, {"body": words})
    assert response.status_code == 302
    assert open_row(Entry.objects.get(owner=member)).body == words


def test_one_character_too_many_keeps_the_text_and_explains(member_client, member):
    words = "b" * (BODY_LIMIT + 1)
    response = member_client.post(URL, {"title": "Long", "body": words})
    assert response.status_code == 200
    page = response.content.decode()
    assert "up to 100,000 characters" in page
    assert "100,001" in page
    assert words in page
    assert not Entry.objects.exists()
    assert "the first 100,000 are kept as a draft" in page
    # As much as one entry holds survives a closed tab, kept as a draft.
    assert open_row(Draft.objects.get(owner=member)).body == words[:BODY_LIMIT]


def test_an_over_long_title_keeps_everything_and_explains(member_client):
    title = "t" * (TITLE_LIMIT + 1)
    response = member_client.post(URL, {"title": title, "body": "fine"})
    assert "A title can be up to 200 characters" in html.words(html.main(response))
    assert html.values(response, "title") == [title]
    assert html.one(response, '[name="title"]')["aria-invalid"] == "true"


def test_a_draft_of_new_writing_opens_pre_filled(member_client, member):
    do_save_draft(member, {"title": "Half", "body": "what I was writing", "tags": "sleep"})
    response = member_client.get(URL)
    assert html.values(response, "body") == ["what I was writing"]
    assert html.values(response, "title") == ["Half"]
    assert "Welcome back" in html.words(html.main(response))
    assert "Draft saved" in html.words(html.main(response))


def test_choosing_a_prompt_never_hides_an_unsaved_draft(member_client, member):
    do_save_draft(member, {"body": "earlier words"})
    page = member_client.get(URL, {"prompt": "hope-02"})
    assert html.values(page, "body") == ["earlier words"]
    assert get_prompt("hope-02").text in html.words(html.main(page))
    # Discarding the draft leads on to the chosen prompt.
    assert f"{URL}?prompt=hope-02" in html.values(page, "next")


def test_saving_retires_the_draft(member_client, member):
    do_save_draft(member, {"body": "draft words"})
    member_client.post(URL, {"body": "draft words, finished"})
    assert not Draft.objects.exists()


def test_words_posted_after_the_idle_lock_are_kept_and_offered_back(member_client, member):
    member.autolock_minutes = 1
    member.save()
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 3600
    session.save()

    response = member_client.post(
        URL, {"title": "Late", "body": "words from before the lock", "tags": "night"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Entry.objects.exists()
    assert member_client.get(URL).status_code == 302  # really signed out

    again = Client()
    assert again.login(username="member", password=PASSWORD)
    page = again.get(URL)
    assert "words from before the lock" in html.words(html.main(page))
    assert html.values(page, "title") == ["Late"]
    listing = again.get(reverse("journal:list")).content.decode()
    assert "You have words you didn't save yet" in listing


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for response in (client.get(URL), client.post(URL, {"body": "x"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not Entry.objects.exists()


def test_another_members_draft_is_never_offered(other_client, member):
    do_save_draft(member, {"body": "only mine"})
    assert "only mine" not in other_client.get(URL).content.decode()


def test_bidi_controls_are_dropped_before_an_entry_is_saved(member_client, member):
    response = member_client.post(
        URL, {"title": "Lo\u202ew tide", "body": "the\u2066 sea", "tags": "wa\u200flks"}
    )
    assert response.status_code == 302
    entry = open_row(Entry.objects.get(owner=member))
    assert (entry.title, entry.body, entry.tags) == ("Low tide", "the sea", ["walks"])
