"""The letter to yourself opens as a journal entry with its greeting, and saves as one."""

from django.urls import reverse

from reclaim.journal.models import Entry
from reclaim.journal.prompts import get_prompt, get_theme, prompts_for
from reclaim.vault.fields import open_row


def test_the_letter_prompts_are_registered_with_the_journal():
    letter = get_prompt("letter-01")
    assert letter.starter == "Dear me,\n\n"
    assert get_theme("letter").title == "Letters to yourself"
    assert len(prompts_for("letter")) >= 4


def test_the_link_opens_a_journal_entry_that_starts_with_the_greeting(member_client):
    html = member_client.get(reverse("compassion:index")).content.decode()
    link = f"{reverse('journal:new')}?prompt=letter-01"
    assert f'href="{link}"' in html
    page = member_client.get(link).content.decode()
    assert get_prompt("letter-01").text in page
    assert ">\nDear me,\n\n</textarea>" in page
    assert 'name="prompt" value="letter-01"' in page


def test_saving_the_letter_makes_a_journal_entry_from_the_prompt(member_client, member):
    response = member_client.post(
        reverse("journal:new"),
        {"body": "Dear me,\n\nYou have been so brave.", "prompt": "letter-01"},
    )
    entry = open_row(Entry.objects.get(owner=member))
    assert response["Location"] == reverse("journal:detail", args=[entry.pk])
    assert entry.prompt == "letter-01"
    assert entry.body == "Dear me,\n\nYou have been so brave."
