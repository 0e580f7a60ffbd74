"""The quick cool-down tools."""

from __future__ import annotations

from django.urls import reverse


def test_each_quick_tool_has_its_own_short_card(member_client):
    html = member_client.get(reverse("anger:cool_down")).content.decode()
    for heading in (
        "Slow your breathing",
        "Come back to the room",
        "Cold water",
        "A brisk walk",
        "The letter you will not send",
        "Count back",
        "Leave the room",
    ):
        assert f">{heading}</h3>" in html
    assert html.count('class="card"') == 7


def test_breathing_and_grounding_open_calm_and_the_letter_opens_the_journal(member_client):
    html = member_client.get(reverse("anger:cool_down")).content.decode()
    calm = reverse("calm:index")
    assert html.count(f'href="{calm}"') >= 3  # the two cards, and the Calm button in the top bar
    assert f'href="{reverse("journal:new")}?prompt=anger-04"' in html
