"""The Learn page: the lessons in order, where the member is, in kind words."""

from django.urls import reverse

from reclaim.learn.actions import do_finish, do_start
from reclaim.testing import html

URL = reverse("learn:index")


def test_it_lists_every_lesson_in_order_with_summary_and_reading_time(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        page.index("A quiet harbour")
        < page.index("The lighthouse keeper")
        < page.index("Tide tables")
    )
    assert "A short test lesson about finding a calm place." in page
    assert "About 1 minute ·" in page
    assert "About 2 minutes ·" in page
    assert reverse("learn:lesson", args=["tide-tables"]) in html.hrefs(html.main(response))
    assert html.words(html.one(response, '[aria-current="page"]')) == "Learn"


def test_its_title_is_neutral_and_it_is_never_cached(member_client):
    response = member_client.get(URL)
    assert html.title(response).startswith("Reading ·")
    assert "no-store" in response["Cache-Control"]


def test_a_new_member_is_invited_to_start_anywhere(member_client):
    page = member_client.get(URL).content.decode()
    assert "Start wherever you like." in page
    assert page.count("Not started yet") == 3
    assert "Up next:" in page


def test_it_shows_each_lessons_state_and_how_many_are_finished(
    member_client, member, harbour, tides
):
    do_finish(member, harbour)
    do_start(member, tides)
    page = member_client.get(URL).content.decode()
    assert "You have finished 1 of 3 lessons. There is no hurry." in page
    items = [html.words(item) for item in html.select(html.main(page), "ol > li")]
    assert len(items) == 3
    assert "Finished" in items[0]
    assert "Not started yet" in items[1]
    assert "Started" in items[2]
    # A lesson under way comes first in what to read next.
    assert "Carry on with" in page
    assert ("Tide tables", reverse("learn:lesson", args=["tide-tables"])) in html.links(page)


def test_once_all_are_read_it_says_so_without_a_next_lesson(
    member_client, member, harbour, lighthouse, tides
):
    for lesson in (harbour, lighthouse, tides):
        do_finish(member, lesson)
    page = member_client.get(URL).content.decode()
    assert "You have read all 3 lessons." in page
    assert "Up next" not in page and "Carry on with" not in page


def test_there_are_no_streaks(member_client, member, harbour):
    do_finish(member, harbour)
    page = member_client.get(URL).content.decode().casefold()
    assert "streak" not in page
    assert "in a row" not in page


def test_with_no_lessons_yet_it_says_they_are_coming(member_client, settings, tmp_path):
    settings.LEARN_CONTENT_DIR = tmp_path
    page = member_client.get(URL).content.decode()
    assert "The lessons are on their way." in page


def test_it_asks_a_visitor_to_sign_in(anon):
    response = anon.get(URL)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_its_queries_do_not_grow_with_progress(member_client, member, harbour, lighthouse, tides):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    member_client.get(URL)
    with CaptureQueriesContext(connection) as fresh:
        member_client.get(URL)
    for lesson in (harbour, lighthouse, tides):
        do_finish(member, lesson)
    member_client.get(URL)
    with CaptureQueriesContext(connection) as after:
        member_client.get(URL)
    # With progress there is one more: the member's data key, to open it.
    assert len(after) <= len(fresh) + 1
    assert len(after) <= 12
