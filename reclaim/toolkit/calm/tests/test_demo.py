"""The demo history: about one thing a day, most thoughts put to rest, a few still open."""

from django.urls import reverse
from django.utils import timezone

from reclaim.toolkit.calm import demo, queries
from reclaim.toolkit.calm.models import Grounding, Thought
from reclaim.vault.fields import open_row


def test_a_month_of_use_reads_back_and_shows_on_the_calm_page(member, member_client):
    demo.seed(member, 30, timezone.localdate())
    assert Thought.objects.filter(owner=member).count() == 30
    assert Grounding.objects.filter(owner=member).count() == 6
    board = queries.board(member)
    assert (board.ready_count, board.waiting_count, board.rested_count) == (2, 1, 27)
    assert open_row(Thought.objects.filter(owner=member).first()).text
    page = member_client.get(reverse("calm:index")).content.decode()
    assert "2 thoughts you parked are ready when you are." in page
    assert "Thoughts you put to rest (27)" in page
