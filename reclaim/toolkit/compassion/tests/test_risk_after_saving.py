"""Words of risk in a break are saved, kept with a moment of risk, and answered with the calm panel."""

import pytest
from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.compassion.models import Break
from reclaim.vault.fields import open_row

RISK = "I have the pills saved up and tonight I end my life."


@pytest.mark.parametrize("box", ["notice", "common", "kindness"])
def test_risk_in_any_box_is_saved_and_the_panel_shows(member_client, member, box):
    response = member_client.post(
        reverse("compassion:break"), {"step": "4", "go": "save", box: RISK}
    )
    assert getattr(open_row(Break.objects.get(owner=member)), box) == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    assert html.select(member_client.get(response["Location"]), "#safety-panel")


def test_a_gentle_break_records_no_risk(member_client, member):
    member_client.post(
        reverse("compassion:break"), {"step": "4", "go": "save", "kindness": "Rest."}
    )
    assert not RiskEvent.objects.filter(owner=member).exists()
