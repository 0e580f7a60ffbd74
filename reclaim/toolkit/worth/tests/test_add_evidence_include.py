"""The one-line form other pages (the check-in's saved page) include."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.worth.models import Evidence
from reclaim.vault.fields import open_row


def _render(member, path="/checkins/saved/abc/", **context):
    request = RequestFactory().get(path)
    request.user = member
    request.csp_nonce = "n"
    return render_to_string("worth/_add_evidence.html", context, request=request)


def test_it_posts_to_the_add_view_and_returns_to_the_page_it_is_on(member):
    form = html.one(_render(member), "form")
    assert form["action"] == reverse("worth:evidence_new")
    assert html.values(form, "next") == ["/checkins/saved/abc/"]
    assert html.one(form, '[name="csrfmiddlewaretoken"]')
    assert html.label_for(form, "text") == "One piece of evidence that you are enough"


def test_a_given_next_wins_over_the_current_page(member):
    assert html.values(_render(member, next="/today/"), "next") == ["/today/"]


def test_posting_it_keeps_the_line_and_comes_back(member_client, member):
    response = member_client.post(
        reverse("worth:evidence_new"),
        {"text": "I got through today's check-in.", "next": "/checkins/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/checkins/"
    assert open_row(Evidence.objects.get(owner=member)).text == "I got through today's check-in."
