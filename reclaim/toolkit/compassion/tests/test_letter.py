"""The letter to yourself opens as a journal entry with its greeting, and saves as one."""

from django.urls import reverse

from reclaim.journal.models import Entry
from reclaim.journal.prompts import get_prompt, get_theme, prompts_for
from reclaim.testing import html
from reclaim.vault.fields import open_row


def test_the_letter_prompts_are_registered_with_the_journal():
    letter = get_prompt("letter-01")
    assert letter.starter == "Dear me,\n\n"
    assert get_theme("letter").title == "Letters to yourself"
    assert len(prompts_for("letter")) >= 4


def test_the_link_opens_a_journal_entry_that_starts_with_the_greeting(member_client):
    index = member_client.get(reverse("compassion:index"))
    link = f"{reverse('journal:new')}?prompt=letter-01"
    assert link in html.hrefs(html.main(index))
    page = member_client.get(link)
    assert " ".join(get_prompt("letter-01").text.split()) in html.words(html.main(page))
    assert html.values(page, "body") == ["Dear me,\n\n"]
    assert html.values(page, "prompt") == ["letter-01"]


def test_saving_the_letter_makes_a_journal_entry_from_the_prompt(member_client, member):
    response = member_client.post(
        reverse("journal:new"),
        {"body": "Dear me,\n\nYou have been so brave.", "prompt": "letter-01"},
    )
    entry = open_row(Entry.objects.get(owner=member))
    assert response["Location"] == reverse("journal:detail", args=[entry.pk])
    assert entry.prompt == "letter-01"
    assert entry.body == "Dear me,\n\nYou have been so brave."
