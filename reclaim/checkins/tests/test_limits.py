"""One check-in cannot flood the member's own trigger list, and typed text loses bidi controls."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reclaim.checkins import actions
from reclaim.checkins.models import (
    NEW_TRIGGERS_PER_CHECKIN,
    OWN_TRIGGERS_MAX,
    CheckIn,
    OwnTrigger,
)
from reclaim.vault.fields import open_row, open_rows

from .helpers import posted

URL = reverse("checkins:new")


def _names(count: int, start: int = 0) -> str:
    return ", ".join(f"thing {n}" for n in range(start, start + count))


def test_222_new_triggers_in_one_checkin_are_refused_kindly_and_kept_in_the_box(
    member_client, member
):
    # Short names, so the 222 fit in the box's 1,000 characters as they did.
    typed = ",".join(str(n) for n in range(222))
    assert len(typed) < 1000
    response = member_client.post(URL, posted(new_triggers=typed, note="kept note"))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f"That is 222 new triggers at once, and one check-in can add up to {NEW_TRIGGERS_PER_CHECKIN}."
        in html
    )
    assert "Your other answers are still here." in html
    assert typed in html
    assert "kept note" in html
    assert not CheckIn.objects.exists()
    assert not OwnTrigger.objects.exists()


def test_the_most_new_triggers_in_one_checkin_are_kept(member_client, member):
    response = member_client.post(URL, posted(new_triggers=_names(NEW_TRIGGERS_PER_CHECKIN)))
    assert response.status_code == 302
    assert OwnTrigger.objects.filter(owner=member).count() == NEW_TRIGGERS_PER_CHECKIN


def test_names_already_offered_do_not_count_as_new(member_client, member):
    again = ", ".join(["Their phone", "their PHONE", *[f"thing {n}" for n in range(10)]])
    response = member_client.post(URL, posted(new_triggers=again))
    assert response.status_code == 302


def test_the_own_list_stops_at_its_limit_with_a_way_to_make_room(member_client, member):
    for start in range(0, OWN_TRIGGERS_MAX, NEW_TRIGGERS_PER_CHECKIN):
        actions.do_create_checkin(
            member,
            {
                **{s: 5 for s in ("mood", "anger", "anxiety", "sleep", "self_worth")},
                "triggers": [f"thing {n}" for n in range(start, start + NEW_TRIGGERS_PER_CHECKIN)],
            },
        )
    assert OwnTrigger.objects.filter(owner=member).count() == OWN_TRIGGERS_MAX
    response = member_client.post(URL, posted(new_triggers="one more"))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f"Your own list can hold {OWN_TRIGGERS_MAX} triggers, and there is room for 0 more." in html
    )
    assert "Tidy your own triggers" in html
    # Choosing triggers already on the list still works.
    assert member_client.post(URL, posted(new_triggers="thing 3")).status_code == 302


def test_the_action_refuses_a_flood_from_callers_that_skip_the_form(member):
    data = {s: 5 for s in ("mood", "anger", "anxiety", "sleep", "self_worth")}
    with pytest.raises(ValidationError):
        actions.do_create_checkin(member, {**data, "triggers": [f"t{n}" for n in range(222)]})
    assert not OwnTrigger.objects.exists()


def test_a_note_and_new_triggers_lose_their_bidi_controls(member_client, member):
    response = member_client.post(URL, posted(new_triggers="wo\u202erk", note="a quiet\u2067 day"))
    assert response.status_code == 302
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert checkin.note == "a quiet day"
    assert "work" in checkin.triggers
    assert [t.name for t in open_rows(OwnTrigger.objects.filter(owner=member))] == ["work"]
