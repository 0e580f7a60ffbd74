"""Another member meets a 404 on every one of a member's calm pages, and changes nothing."""

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.calm import actions
from reclaim.toolkit.calm.models import Grounding, Thought
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row


def test_a_members_thoughts_and_notes_are_hidden_from_another_member(other_client, member, ready):
    with key_cache():
        kept, _ = actions.do_save_grounding(member, {"see": "the lamp"})
    before = Thought.objects.filter(pk=ready.pk).values().get()
    urls = [
        reverse("calm:thought", args=[ready.pk]),
        reverse("calm:thought_done", args=[ready.pk]),
        reverse("calm:thought_repark", args=[ready.pk]),
        reverse("calm:thought_delete", args=[ready.pk]),
        reverse("calm:grounding_detail", args=[kept.pk]),
        reverse("calm:grounding_delete", args=[kept.pk]),
    ]
    assert_hidden_from(other_client, urls, {"now": "x", "then": "done", "when": "later"})
    assert Thought.objects.filter(pk=ready.pk).values().get() == before
    assert Grounding.objects.filter(pk=kept.pk).exists()
    with key_cache():
        assert open_row(Thought.objects.get(pk=ready.pk)).now == ""


def test_another_members_calm_page_never_lists_them(other_client, ready):
    page = other_client.get(reverse("calm:index")).content.decode()
    assert str(ready.pk) not in page and "ready when you are" not in page
