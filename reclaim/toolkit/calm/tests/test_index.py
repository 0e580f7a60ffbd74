"""The Calm page: three big choices, a way to help, and the thoughts waiting."""

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.calm.models import Thought

URL = reverse("calm:index")


def test_it_offers_three_big_choices_and_help(member_client):
    page = member_client.get(URL)
    main = html.main(page)
    for name in ("calm:grounding", "calm:breathe", "calm:park", "safety:help"):
        assert reverse(name) in html.hrefs(main), name
    for choice in ("Ground yourself", "Breathe slowly", "Park a thought"):
        assert choice in html.words(main)
    assert "Nothing is parked right now." in html.words(main)
    assert html.title(page).startswith("Tools ·")


def test_ready_and_waiting_thoughts_are_listed_by_date_without_their_words(
    member_client, ready, waiting
):
    page = member_client.get(URL).content.decode()
    assert "Ready to look at" in page and "Waiting" in page
    assert reverse("calm:thought", args=[ready.pk]) in page
    assert reverse("calm:thought", args=[waiting.pk]) in page
    # A glance at a shared screen shows no worry.
    assert ready.text not in page and waiting.text not in page


def test_a_ready_thought_shows_the_gentle_reminder(member_client, ready):
    page = member_client.get(URL).content.decode()
    assert "A thought you parked is ready when you are." in page


def test_no_reminder_while_thoughts_are_only_waiting(member_client, waiting):
    page = member_client.get(URL).content.decode()
    assert "ready when you are" not in page


def test_thoughts_put_to_rest_are_counted_and_listed_apart(member_client, ready):
    Thought.objects.filter(pk=ready.pk).update(done=ready.due)
    page = member_client.get(URL).content.decode()
    assert "Thoughts you put to rest (1)" in page
    assert "Ready to look at" not in page
    rested = member_client.get(reverse("calm:rested")).content.decode()
    assert reverse("calm:thought", args=[ready.pk]) in rested
