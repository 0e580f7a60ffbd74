"""The operator's start page and the audit log's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.practice import audit
from reclaim.practice.models import AuditEntry
from reclaim.practice.queries.team import AUDIT_PER_PAGE
from reclaim.testing import html

PAGES = [reverse("operator:index"), reverse("operator:audit")]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("who", ["member_client", "other_client", "practitioner_client"])
def test_it_is_not_found_for_anyone_but_the_operator(db, request, who, url):
    assert request.getfixturevalue(who).get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_a_signed_out_visitor_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response["Location"].startswith(reverse("account_login"))


def test_the_start_page_leads_to_invitations_and_the_log(operator_client):
    response = operator_client.get(reverse("operator:index"))
    assert response.status_code == 200
    hrefs = html.hrefs(html.main(response))
    assert reverse("operator:invitations") in hrefs
    assert reverse("operator:audit") in hrefs


def test_the_operator_lands_on_their_start_page(operator_client):
    response = operator_client.get("/")
    assert response["Location"] == reverse("operator:index")


def _lines(operator, count: int) -> None:
    start = timezone.now() - timedelta(days=1)
    for i in range(count):
        line = audit.record(operator, "article.publish", label=f"Article {i}")
        AuditEntry.objects.filter(pk=line.pk).update(at=start + timedelta(minutes=i))


def test_the_log_shows_who_what_when_newest_first(operator, operator_client):
    _lines(operator, 3)
    rows = html.rows(html.main(operator_client.get(reverse("operator:audit"))))
    assert rows[0] == ["When", "Who", "What", "To what"]
    assert [row[1] for row in rows[1:]] == ["operator"] * 3
    assert [row[2] for row in rows[1:]] == ["article.publish"] * 3
    assert [row[3] for row in rows[1:]] == ["Article 2", "Article 1", "Article 0"]


def test_the_log_comes_in_pages_of_fifty(operator, operator_client):
    _lines(operator, AUDIT_PER_PAGE + 5)
    first = operator_client.get(reverse("operator:audit"))
    assert len(html.rows(html.main(first))) == AUDIT_PER_PAGE + 1
    assert "?page=2" in html.hrefs(html.main(first))
    second = operator_client.get(reverse("operator:audit") + "?page=2")
    labels = [row[3] for row in html.rows(html.main(second))[1:]]
    assert labels == [f"Article {i}" for i in range(4, -1, -1)]


def test_a_page_past_the_end_shows_the_last(operator, operator_client):
    _lines(operator, 2)
    response = operator_client.get(reverse("operator:audit") + "?page=99")
    assert response.status_code == 200
    assert len(html.rows(html.main(response))) == 3


def test_an_empty_log_says_so(operator_client):
    response = operator_client.get(reverse("operator:audit"))
    assert "Nothing has changed yet" in html.words(html.main(response))
