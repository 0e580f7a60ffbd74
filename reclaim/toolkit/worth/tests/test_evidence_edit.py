from datetime import date

from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.worth.models import Evidence
from reclaim.vault.fields import open_row

from .conftest import RISK, panel_shown


def _url(piece) -> str:
    return reverse("worth:evidence_edit", args=[piece.pk])


def test_it_opens_with_the_words_and_the_date(member_client, piece):
    page = member_client.get(_url(piece))
    assert html.values(page, "text") == ["I told my sister the truth today."]
    assert html.values(page, "day") == ["2026-03-02"]


def test_a_change_is_saved(member_client, piece):
    response = member_client.post(
        _url(piece), {"text": "I told my brother too.", "day": "2026-03-04"}
    )
    assert response.status_code == 302
    piece = open_row(Evidence.objects.get(pk=piece.pk))
    assert piece.text == "I told my brother too."
    assert piece.day == date(2026, 3, 4)


def test_emptying_it_asks_kindly_and_changes_nothing(member_client, piece):
    page = member_client.post(_url(piece), {"text": "", "day": "2026-03-04"}).content.decode()
    assert "Write one line, even a small one" in page
    assert open_row(Evidence.objects.get(pk=piece.pk)).text == "I told my sister the truth today."


def test_risk_in_a_change_is_heard(member_client, member, piece):
    response = member_client.post(_url(piece), {"text": RISK, "day": "2026-03-02"}, follow=True)
    assert open_row(Evidence.objects.get(pk=piece.pk)).text == RISK
    assert RiskEvent.objects.filter(owner=member).exists()
    assert panel_shown(response)
