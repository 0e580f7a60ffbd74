from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.values.models import Sort
from reclaim.vault.fields import open_row, open_rows

from .conftest import piles

RISK = "I have the pills saved up and tonight I end my life."


def test_risk_in_the_words_saves_the_sort_and_shows_the_calm_panel(member_client, member):
    response = member_client.post(
        reverse("values:sort"),
        {"step": "3", "go": "save", **piles(lot=["calm"]), "chosen": ["calm"], "words_calm": RISK},
        follow=True,
    )
    assert open_row(Sort.objects.get(owner=member)).top[0]["words"] == RISK
    assert [e.source for e in open_rows(RiskEvent.objects.filter(owner=member))] == ["values"]
    panel = html.one(response, "#safety-panel")
    assert "Your words are saved." in html.words(panel)
