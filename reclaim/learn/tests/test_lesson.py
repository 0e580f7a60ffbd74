"""One lesson: its words, its question for the journal, its tool, and the way on."""

from django.urls import reverse

from reclaim.learn.actions import do_finish, do_start


def _url(slug: str) -> str:
    return reverse("learn:lesson", args=[slug])


def _title(response) -> str:
    return response.content.decode().split("<title>")[1].split("</title>")[0]


def test_it_shows_the_lesson_rendered_with_its_reading_time(member_client):
    response = member_client.get(_url("a-quiet-harbour"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h1 id="lesson-title">A quiet harbour</h1>' in page
    assert "about 1 minute to read" in page
    assert "<em>short</em>" in page
    assert "<h2>A place to rest</h2>" in page
    assert "<blockquote>" in page


def test_its_title_never_names_the_lesson(member_client):
    response = member_client.get(_url("a-quiet-harbour"))
    assert _title(response).startswith("Reading ·")
    assert "harbour" not in _title(response).casefold()
    assert "no-store" in response["Cache-Control"]


def test_its_links_point_at_real_pages(member_client):
    page = member_client.get(_url("a-quiet-harbour")).content.decode()
    assert f'<a href="{reverse("calm:index")}">calm tool</a>' in page
    assert f'<a href="{reverse("safety:help")}">help is here</a>' in page
    assert f'<a href="{_url("the-lighthouse-keeper")}">next lesson</a>' in page
    second = member_client.get(_url("the-lighthouse-keeper")).content.decode()
    assert f'<a href="{reverse("safety:home_safety")}">staying safe at home</a>' in second


def test_it_ends_with_its_reflection_opening_the_journal_and_its_tool(member_client):
    page = member_client.get(_url("the-lighthouse-keeper")).content.decode()
    assert "What keeps your light steady when the weather turns?" in page
    assert f'href="{reverse("journal:new")}?prompt=lesson-the-lighthouse-keeper"' in page
    assert f'<a href="{reverse("worth:index")}">Your worth</a>' in page


def test_it_links_the_previous_and_next_lessons(member_client):
    page = member_client.get(_url("the-lighthouse-keeper")).content.decode()
    assert f'<a href="{_url("tide-tables")}">Next lesson: Tide tables</a>' in page
    assert f'<a href="{_url("a-quiet-harbour")}">Previous lesson: A quiet harbour</a>' in page
    first = member_client.get(_url("a-quiet-harbour")).content.decode()
    assert "Previous lesson:" not in first
    last = member_client.get(_url("tide-tables")).content.decode()
    assert "Next lesson:" not in last


def test_a_lesson_not_yet_begun_offers_finish_and_keep_my_place(member_client):
    page = member_client.get(_url("tide-tables")).content.decode()
    assert f'action="{reverse("learn:finish", args=["tide-tables"])}"' in page
    assert f'action="{reverse("learn:start", args=["tide-tables"])}"' in page
    assert "I&#x27;ve finished this lesson" in page or "I've finished this lesson" in page


def test_a_started_lesson_says_the_place_is_kept(member_client, member, tides):
    do_start(member, tides)
    page = member_client.get(_url("tide-tables")).content.decode()
    assert "you started it" in page
    assert "Your place is kept." in page
    assert f'action="{reverse("learn:start", args=["tide-tables"])}"' not in page
    assert f'action="{reverse("learn:finish", args=["tide-tables"])}"' in page


def test_a_finished_lesson_can_be_marked_as_not_finished(member_client, member, tides):
    do_finish(member, tides)
    page = member_client.get(_url("tide-tables")).content.decode()
    assert "You finished this lesson" in page
    assert f'action="{reverse("learn:unfinish", args=["tide-tables"])}"' in page
    assert f'action="{reverse("learn:finish", args=["tide-tables"])}"' not in page


def test_an_unknown_lesson_is_not_found(member_client):
    assert member_client.get(_url("no-such-lesson")).status_code == 404


def test_it_asks_a_visitor_to_sign_in(anon):
    response = anon.get(_url("a-quiet-harbour"))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
