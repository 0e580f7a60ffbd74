from datetime import date

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.sayno.models import RealNo


def test_the_log_lists_real_ones_by_the_day_they_happened(member_client, member, log_real):
    log_real(member, day=date(2026, 1, 5), who="Earlier one")
    log_real(member, day=date(2026, 4, 9), who="Later one")
    page = member_client.get(reverse("sayno:real_list"))
    text = html.words(html.main(page))
    assert text.index("Later one") < text.index("Earlier one")
    assert "What you said: Not this year." in text
    assert "How it went: Quiet, then fine." in text


def test_the_log_is_kind_when_empty(member_client):
    page = member_client.get(reverse("sayno:real_list"))
    text = html.words(html.main(page))
    assert "Every no counts" in text


def test_deleting_asks_first_then_deletes(member_client, real):
    url = reverse("sayno:real_delete", args=[real.pk])
    assert "Delete this entry?" in member_client.get(url).content.decode()
    response = member_client.post(url)
    assert response["Location"] == reverse("sayno:real_list")
    assert not RealNo.objects.filter(pk=real.pk).exists()
