"""Words of risk in any box are saved, kept with a moment of risk, and answered with the calm panel."""

import pytest
from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.sayno.models import Practice, RealNo
from reclaim.vault.fields import open_row

RISK = "I have the pills saved up and tonight I end my life."


def _shows_panel(client, response) -> bool:
    return bool(html.select(client.get(response["Location"]), "#safety-panel"))


def test_a_practice_reply_with_risk_is_saved_and_the_panel_shows(member_client, member):
    response = member_client.post(
        reverse("sayno:practise", args=["drop-subject"]), {"draft": RISK, "action": "save"}
    )
    assert open_row(Practice.objects.get(owner=member)).draft == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    assert _shows_panel(member_client, response)


@pytest.mark.parametrize("box", ["who", "said", "went"])
def test_a_real_no_with_risk_in_any_box_is_saved_and_the_panel_shows(member_client, member, box):
    response = member_client.post(reverse("sayno:real_new"), {"day": "2026-02-02", box: RISK})
    assert getattr(open_row(RealNo.objects.get(owner=member)), box) == RISK
    assert RiskEvent.objects.filter(owner=member).exists()
    assert _shows_panel(member_client, response)


def test_changing_a_real_no_to_words_of_risk_is_heard_too(member_client, member, real):
    response = member_client.post(
        reverse("sayno:real_edit", args=[real.pk]), {"day": "2026-02-02", "went": RISK}
    )
    real = open_row(RealNo.objects.get(pk=real.pk))
    assert real.went == RISK
    assert RiskEvent.objects.filter(owner=member).exists()
    assert _shows_panel(member_client, response)


def test_an_everyday_no_records_no_risk(member_client, member):
    member_client.post(
        reverse("sayno:practise", args=["drop-subject"]), {"draft": "No.", "action": "save"}
    )
    assert not RiskEvent.objects.filter(owner=member).exists()
