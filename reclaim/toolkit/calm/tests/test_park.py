"""Parking a thought: the words are sealed, and it waits until the time the member chose."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html
from reclaim.toolkit.calm import actions, when
from reclaim.toolkit.calm.models import Thought
from reclaim.vault.fields import open_row

URL = reverse("calm:park")


def post(client, **data):
    return client.post(URL, {"thought": "What if it is still going on?", "when": "worry", **data})


def test_the_form_shows_what_each_choice_means_right_now(member_client, member):
    page = member_client.get(URL).content.decode()
    # Three hours on is still today until 21:00 where the member lives.
    later = (timezone.now() + when.LATER_TODAY).astimezone(member.zone)
    still_today = later.date() == timezone.now().astimezone(member.zone).date()
    expected = f"Later today ({later:%H:%M})" if still_today else "In a few hours ("
    assert "At my worry time (" in page and expected in page
    assert "Tomorrow, at my worry time (18:00)" in page
    assert "A day and time I choose" in page
    assert "Your worry time is 18:00." in page


def test_a_thought_parked_until_the_worry_time_is_sealed_and_waits(member_client, member):
    response = post(member_client)
    assert response.status_code == 302 and response["Location"] == reverse("calm:index")
    thought = open_row(Thought.objects.get(owner=member))
    assert thought.text == "What if it is still going on?"
    assert b"still going on" not in bytes(thought.text_sealed)
    local = thought.due.astimezone(member.zone)
    assert local.time() == when.DEFAULT_WORRY_TIME
    assert thought.due > timezone.now()
    page = member_client.get(reverse("calm:index")).content.decode()
    assert "Parked until" in page and "It will wait for you here." in page
    assert "Waiting" in page


def test_tomorrow_at_my_worry_time_uses_the_members_zone(member_client, member):
    member.timezone = "Australia/Sydney"
    member.save()
    actions.do_save_settings(
        member, worry_time=datetime.strptime("07:15", "%H:%M").time(), by_email=False
    )
    post(member_client, when="tomorrow")
    due = Thought.objects.get(owner=member).due.astimezone(member.zone)
    tomorrow = timezone.localdate(timezone.now(), member.zone) + timedelta(days=1)
    assert (due.date(), due.strftime("%H:%M")) == (tomorrow, "07:15")


def test_later_today_is_a_few_hours_away(member_client, member):
    before = timezone.now()
    post(member_client, when="later")
    due = Thought.objects.get(owner=member).due
    assert timedelta(hours=2, minutes=59) < due - before < timedelta(hours=3, minutes=1)


def test_a_chosen_day_and_time_is_kept_in_the_members_zone(member_client, member):
    day = timezone.localdate(timezone.now(), member.zone) + timedelta(days=3)
    post(member_client, when="choose", day=day.isoformat(), time="09:45")
    due = Thought.objects.get(owner=member).due.astimezone(member.zone)
    assert (due.date(), due.strftime("%H:%M")) == (day, "09:45")


def test_an_empty_thought_gets_a_kind_message(member_client, member):
    page = post(member_client, thought="   ").content.decode()
    assert "This one needs a few words." in page
    assert not Thought.objects.filter(owner=member).exists()


def test_choosing_a_day_without_a_time_keeps_the_words(member_client, member):
    day = (timezone.localdate() + timedelta(days=2)).isoformat()
    page = post(member_client, thought="The weekend with my family", when="choose", day=day)
    text = html.words(html.main(page))
    assert "Could you choose both a day and a time? Your words are still here." in text
    assert html.values(page, "thought") == ["The weekend with my family"]
    assert html.values(page, "day") == [day]
    assert not Thought.objects.filter(owner=member).exists()


def test_a_time_in_the_past_is_refused_kindly(member_client, member):
    yesterday = (timezone.localdate(timezone.now(), member.zone) - timedelta(days=1)).isoformat()
    page = post(member_client, thought="The weekend", when="choose", day=yesterday, time="10:00")
    text = html.words(html.main(page))
    assert "That time has already passed. Could you choose a later one?" in text
    assert "The weekend" in text
    assert not Thought.objects.filter(owner=member).exists()


def test_more_than_a_year_away_is_refused_kindly(member_client, member):
    far = (timezone.localdate() + timedelta(days=400)).isoformat()
    page = post(member_client, when="choose", day=far, time="10:00")
    text = html.words(html.main(page))
    assert "more than a year away" in text
    assert not Thought.objects.filter(owner=member).exists()


def test_a_choice_that_is_not_offered_is_refused(member_client, member):
    page = post(member_client, when="never")
    text = html.words(html.main(page))
    assert "A few answers need another look." in text
    assert not Thought.objects.filter(owner=member).exists()
