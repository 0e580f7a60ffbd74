from datetime import timedelta

from django.utils import timezone

from reclaim.journal.demo import _MORE, _PIECES, seed_journal
from reclaim.journal.models import Entry
from reclaim.journal.prompts import get_prompt
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows


def test_it_writes_about_one_entry_every_two_or_three_days(member):
    made = seed_journal(member, 90)
    assert 90 // 3 - 2 <= made <= 90 // 2 + 2
    assert Entry.objects.filter(owner=member).count() == made


def test_it_writes_exactly_count_entries_when_asked(member):
    assert seed_journal(member, 365, count=300) == 300
    assert Entry.objects.filter(owner=member).count() == 300


def test_entries_are_varied_believable_and_in_the_past(member):
    seed_journal(member, 120)
    today = timezone.localdate(timezone.now(), member.zone)
    with key_cache():
        entries = open_rows(Entry.objects.filter(owner=member))
        bodies = {e.body for e in entries}
        assert len(bodies) > len(entries) // 2
        assert all(e.body and isinstance(e.tags, list) for e in entries)
        assert any(e.prompt for e in entries)
        assert all(get_prompt(e.prompt) for e in entries if e.prompt)
    assert all(today - timedelta(days=120) <= e.day <= today for e in entries)
    assert all(e.created <= timezone.now() for e in entries)


def test_there_are_at_least_twenty_five_distinct_paragraphs():
    paragraphs = {piece[1] for piece in _PIECES} | set(_MORE)
    assert len(paragraphs) >= 25


def test_it_speaks_of_a_partner_of_any_gender():
    for _, text, _, _ in _PIECES:
        words = text.casefold().replace(",", " ").replace(".", " ").split()
        assert "husband" not in words and "wife" not in words
