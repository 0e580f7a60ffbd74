import pytest
from django.urls import reverse

from reclaim.journal.actions import do_save_draft
from reclaim.journal.demo import seed_journal
from reclaim.testing import html

URL = reverse("journal:list")
# The shell around every signed-in page (session, member, device record)
# takes up to seven queries; the journal's own part is four at most (count,
# drafts, the member's key, one page of entries), however many entries exist.
MAX_QUERIES = 12


def test_it_lists_the_members_entries_newest_first(member_client, member, write):
    write(member, "First words.", title="Older one", tags=["sleep"])
    write(member, "Untitled words that run on for a while here.")
    response = member_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert html.title(response).startswith("Journal")
    # An untitled entry is listed by its day, never by its opening words,
    # which a glance at a shared screen would catch.
    assert "Untitled words that run on" not in page
    assert page.index("Entry from ") < page.index("Older one")
    assert "sleep" in [html.words(span) for span in html.select(html.main(response), "span")]
    assert html.words(html.one(response, '[aria-current="page"]')) == "Journal"


def test_it_offers_a_warm_start_when_there_is_nothing_yet(member_client):
    page = member_client.get(URL).content.decode()
    assert "Nothing here yet" in page
    assert reverse("journal:new") in page


def test_it_shows_twenty_entries_a_page(member_client, member):
    seed_journal(member, days=60, count=45)
    first = member_client.get(URL)
    assert len(first.context["page"].object_list) == 20
    assert "Page 1 of 3" in first.content.decode()
    last = member_client.get(URL + "?page=3")
    assert len(last.context["page"].object_list) == 5


def test_the_search_form_posts_so_words_stay_out_of_the_address_bar(member_client, write, member):
    found = write(member, "We walked along the pier.")
    write(member, "A different day.")
    search = html.one(member_client.get(URL), '[role="search"]')
    assert (search.name, search["method"], search["action"]) == ("form", "post", URL)
    response = member_client.post(URL, {"q": "PIER"})
    assert list(response.context["page"].object_list) == [found]
    assert "1 entry found" in response.content.decode()


def test_search_also_works_from_the_address(member_client, write, member):
    found = write(member, "Ran in the rain.", tags=["Running"])
    write(member, "Sat in the rain.")
    response = member_client.get(URL, {"q": "rain", "tag": "running"})
    assert list(response.context["page"].object_list) == [found]


def test_a_search_that_finds_nothing_says_so_kindly(member_client, entry):
    page = member_client.post(URL, {"q": "volcano"}).content.decode()
    assert "Nothing found" in page
    assert "You could try fewer words" in page


def test_search_never_shows_other_members_entries(other_client, entry):
    response = other_client.post(URL, {"q": "tide"})
    assert list(response.context["page"].object_list) == []
    assert "Low tide" not in response.content.decode()
    assert "Low tide" not in other_client.get(URL).content.decode()


def test_a_draft_is_offered_back_with_continue_and_discard(member_client, member):
    draft = do_save_draft(member, {"body": "words I was still finding"})
    page = member_client.get(URL).content.decode()
    assert "You have words you didn't save yet. Carry on writing?" in page
    assert reverse("journal:new") in page
    assert reverse("journal:discard_draft", args=[draft.pk]) in page


def test_an_unsaved_change_to_an_entry_is_offered_back(member_client, member, entry):
    do_save_draft(member, {"body": "changed words"}, entry)
    page = member_client.get(URL).content.decode()
    assert reverse("journal:edit", args=[entry.pk]) in page


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("count", [5, 100])
def test_the_list_needs_a_bounded_number_of_queries(
    member_client, member, count, django_assert_max_num_queries
):
    seed_journal(member, days=200, count=count)
    do_save_draft(member, {"body": "unsaved"})
    member_client.get(URL)  # The first request of a session records the device.
    with django_assert_max_num_queries(MAX_QUERIES):
        assert member_client.get(URL).status_code == 200


@pytest.mark.parametrize("count", [5, 100])
def test_search_needs_a_bounded_number_of_queries(
    member_client, member, count, django_assert_max_num_queries
):
    seed_journal(member, days=200, count=count)
    member_client.get(URL)  # The first request of a session records the device.
    with django_assert_max_num_queries(MAX_QUERIES):
        response = member_client.post(URL, {"q": "the", "tag": ""})
    assert response.status_code == 200
    assert response.context["page"].paginator.count > 0
