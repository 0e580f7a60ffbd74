from django.urls import reverse

from reclaim.journal.prompts import all_prompts, all_themes
from reclaim.testing import html

URL = reverse("journal:prompts")


def test_it_lists_every_theme_and_prompt_each_starting_an_entry(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    main = html.main(response)
    for theme in all_themes():
        assert theme.title in html.words(main)
    offered = html.links(main)
    for prompt in all_prompts():
        assert (prompt.text, f"{reverse('journal:new')}?prompt={prompt.code}") in offered


def test_it_shows_nothing_of_a_member(other_client, entry):
    assert b"tide" not in other_client.get(URL).content


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))
