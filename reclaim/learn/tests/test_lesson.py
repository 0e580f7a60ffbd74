"""One lesson: its words, its question for the journal, its tool, and the way on."""

from django.urls import reverse

from reclaim.learn.actions import do_finish, do_start
from reclaim.testing import html


def _url(slug: str) -> str:
    return reverse("learn:lesson", args=[slug])


def test_it_shows_the_lesson_rendered_with_its_reading_time(member_client):
    response = member_client.get(_url("a-quiet-harbour"))
    assert response.status_code == 200
    main = html.main(response)
    assert html.words(html.one(main, "h1")) == "A quiet harbour"
    assert "about 1 minute to read" in html.words(main)
    # The Markdown is rendered: emphasis, a heading and a quotation.
    assert [html.words(em) for em in html.select(main, "em")] == ["short"]
    assert "A place to rest" in [html.words(h2) for h2 in html.select(main, "h2")]
    assert html.select(main, "blockquote")


def test_its_title_never_names_the_lesson(member_client):
    response = member_client.get(_url("a-quiet-harbour"))
    assert html.title(response).startswith("Reading ·")
    assert "harbour" not in html.title(response).casefold()
    assert "no-store" in response["Cache-Control"]


def test_its_links_point_at_real_pages(member_client):
    links = html.links(html.main(member_client.get(_url("a-quiet-harbour"))))
    assert ("calm tool", reverse("calm:index")) in links
    assert ("help is here", reverse("safety:help")) in links
    assert ("next lesson", _url("the-lighthouse-keeper")) in links
    second = html.links(html.main(member_client.get(_url("the-lighthouse-keeper"))))
    assert ("staying safe at home", reverse("safety:home_safety")) in second


def test_it_ends_with_its_reflection_opening_the_journal_and_its_tool(member_client):
    main = html.main(member_client.get(_url("the-lighthouse-keeper")))
    assert "What keeps your light steady when the weather turns?" in html.words(main)
    assert f"{reverse('journal:new')}?prompt=lesson-the-lighthouse-keeper" in html.hrefs(main)
    assert ("Your worth", reverse("worth:index")) in html.links(main)


def test_it_links_the_previous_and_next_lessons(member_client):
    links = html.links(html.main(member_client.get(_url("the-lighthouse-keeper"))))
    assert ("Next lesson: Tide tables", _url("tide-tables")) in links
    assert ("Previous lesson: A quiet harbour", _url("a-quiet-harbour")) in links
    first = html.words(html.main(member_client.get(_url("a-quiet-harbour"))))
    assert "Previous lesson:" not in first
    last = html.words(html.main(member_client.get(_url("tide-tables"))))
    assert "Next lesson:" not in last


def _sends_to(response) -> dict[str, list[str]]:
    """Each form on the lesson page by where it posts, with the words on its buttons."""
    return {
        str(form["action"]): html.buttons(form)
        for form in html.select(html.main(response), 'form[method="post"]')
    }


def _action(name: str) -> str:
    return reverse(f"learn:{name}", args=["tide-tables"])


def test_a_lesson_not_yet_begun_offers_finish_and_keep_my_place(member_client):
    forms = _sends_to(member_client.get(_url("tide-tables")))
    assert {_action("finish"), _action("start")} <= set(forms)
    assert "I've finished this lesson" in forms[_action("finish")]


def test_a_started_lesson_says_the_place_is_kept(member_client, member, tides):
    do_start(member, tides)
    response = member_client.get(_url("tide-tables"))
    text = html.words(html.main(response))
    assert "you started it" in text
    assert "Your place is kept." in text
    forms = _sends_to(response)
    assert _action("start") not in forms
    assert _action("finish") in forms


def test_a_finished_lesson_can_be_marked_as_not_finished(member_client, member, tides):
    do_finish(member, tides)
    response = member_client.get(_url("tide-tables"))
    assert "You finished this lesson" in html.words(html.main(response))
    forms = _sends_to(response)
    assert _action("unfinish") in forms
    assert _action("finish") not in forms


def test_an_unknown_lesson_is_not_found(member_client):
    assert member_client.get(_url("no-such-lesson")).status_code == 404


def test_it_asks_a_visitor_to_sign_in(anon):
    response = anon.get(_url("a-quiet-harbour"))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
