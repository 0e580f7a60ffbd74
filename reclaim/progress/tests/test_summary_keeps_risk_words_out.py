"""The summary's picking list and PDF never show what a moment of risk recorded.

A risk event's reasons quote the words that were heard ("want to end my life").
The summary offers the member's own journal entries to quote, by day and kind of
writing; it must never list the words of a hard moment, a risk event's reasons, nor
its level.
"""

from django.urls import reverse

from reclaim.journal.actions import do_create_entry
from reclaim.progress.summary import render_summary_html
from reclaim.safety.models import RiskEvent
from reclaim.vault.fields import open_row, seal

from .test_summary import pdf_text, post

HEARD = "saved-pills-tonight-marker"


def make_moment(member):
    entry = do_create_entry(
        member, {"title": "A hard night", "body": "I want to end my life tonight."}
    )
    # What the event heard, as the engine quotes it, with a marker to look for.
    event = open_row(RiskEvent.objects.get(owner=member))
    event.details = {**event.details, "reasons": [f'suicide.intent ("{HEARD}")']}
    seal(event)
    event.save(update_fields=["details_sealed"])
    return entry


def test_the_picking_list_shows_no_reason_a_moment_was_recorded(member_client, member):
    make_moment(member)
    page = member_client.get(reverse("progress:summary")).content.decode()
    # The entry is offered by its day and kind, never by its words.
    assert "Free writing · 7 words" in page
    assert "A hard night" not in page
    assert "end my life" not in page
    assert HEARD not in page
    assert "suicide." not in page
    assert "urgent" not in page.lower()


def test_the_summary_itself_shows_no_reason_a_moment_was_recorded(member_client, member):
    entry = make_moment(member)
    html = render_summary_html(member, [entry.id])
    assert "A hard night" in html
    assert HEARD not in html
    assert "suicide." not in html
    response = post(member_client, days=90, entries=[str(entry.id)], include_checkins="1")
    assert HEARD not in pdf_text(response.content)
