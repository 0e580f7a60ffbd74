"""The breathing pacer: a rhythm to follow, in words when there is no script."""

from django.urls import reverse

from reclaim.testing import html

URL = reverse("calm:breathe")


def test_the_rhythm_is_written_out_so_it_works_without_javascript(member_client):
    page = member_client.get(URL).content.decode()
    assert "The rhythm in words" in page
    assert "Breathe in gently through your nose while you count slowly: 4." in page
    assert "breathe out slowly, as if through a straw, for a count of 6" in page
    # 2 minutes of 10-second breaths, counted out one by one.
    assert "12 breaths like this take about 2 minutes." in page
    steps = [html.words(item) for item in html.select(html.main(page), "li")]
    assert steps.count("In 4 · out 6") == 12


def test_the_moving_pacer_waits_for_javascript_and_speaks_politely(member_client):
    page = member_client.get(URL)
    (pacer,) = [
        div for div in html.select(page, "div[hidden]") if div.select('[aria-live="polite"]')
    ]
    assert pacer.select_one('[aria-live="polite"]')
    (script,) = [s for s in html.select(page, "script[src]") if s["src"].endswith("calm/pacer.js")]
    assert script.has_attr("defer") and script["nonce"]


def test_a_hold_can_be_chosen_and_the_minutes_change_the_count(member_client):
    page = member_client.get(URL, {"pattern": "4-2-6", "minutes": "5"}).content.decode()
    assert "In 4, hold 2, out 6, for 5 minutes" in page
    assert "Rest with the air in for a count of 2." in page
    steps = [html.words(item) for item in html.select(html.main(page), "li")]
    assert steps.count("In 4 · hold 2 · out 6") == 25
    (pacer,) = html.select(page, "[data-in]")
    rhythm = [pacer[f"data-{part}"] for part in ("in", "hold", "out", "minutes")]
    assert rhythm == ["4", "2", "6", "5"]


def test_unknown_choices_fall_back_to_the_gentle_default(member_client):
    page = member_client.get(URL, {"pattern": "9-9-9", "minutes": "600"}).content.decode()
    assert "In 4, out 6, for 2 minutes" in page
    assert "Rest with the air in" not in page
