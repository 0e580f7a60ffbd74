"""The breathing pacer: a rhythm to follow, in words when there is no script."""

import re

from django.urls import reverse

URL = reverse("calm:breathe")


def test_the_rhythm_is_written_out_so_it_works_without_javascript(member_client):
    page = member_client.get(URL).content.decode()
    assert "The rhythm in words" in page
    assert "Breathe in gently through your nose while you count slowly: 4." in page
    assert "breathe out slowly, as if through a straw, for a count of 6" in page
    # 2 minutes of 10-second breaths, counted out one by one.
    assert "12 breaths like this take about 2 minutes." in page
    assert len(re.findall(r"<li>In 4 · out 6</li>", page)) == 12


def test_the_moving_pacer_waits_for_javascript_and_speaks_politely(member_client):
    page = member_client.get(URL).content.decode()
    assert re.search(r'<div class="pacer-live" hidden>', page)
    assert 'aria-live="polite"' in page
    assert re.search(r'<script src="[^"]*calm/pacer.js" defer nonce="[^"]+"', page)


def test_a_hold_can_be_chosen_and_the_minutes_change_the_count(member_client):
    page = member_client.get(URL, {"pattern": "4-2-6", "minutes": "5"}).content.decode()
    assert "In 4, hold 2, out 6, for 5 minutes" in page
    assert "Rest with the air in for a count of 2." in page
    assert len(re.findall(r"<li>In 4 · hold 2 · out 6</li>", page)) == 25
    assert 'data-in="4" data-hold="2" data-out="6" data-minutes="5"' in page


def test_unknown_choices_fall_back_to_the_gentle_default(member_client):
    page = member_client.get(URL, {"pattern": "9-9-9", "minutes": "600"}).content.decode()
    assert "In 4, out 6, for 2 minutes" in page
    assert "Rest with the air in" not in page
