"""The one-line form other pages (the check-in's saved page) include."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from reclaim.toolkit.worth.models import Evidence
from reclaim.vault.fields import open_row


def _render(member, path="/checkins/saved/abc/", **context):
    request = RequestFactory().get(path)
    request.user = member
    request.csp_nonce = "n"
    return render_to_string("worth/_add_evidence.html", context, request=request)


def test_it_posts_to_the_add_view_and_returns_to_the_page_it_is_on(member):
    html = _render(member)
    assert f'action="{reverse("worth:evidence_new")}"' in html
    assert 'name="next" value="/checkins/saved/abc/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert (
        '<label for="add-evidence-text">One piece of evidence that you are enough</label>' in html
    )


def test_a_given_next_wins_over_the_current_page(member):
    html = _render(member, next="/today/")
    assert 'name="next" value="/today/"' in html


def test_posting_it_keeps_the_line_and_comes_back(member_client, member):
    response = member_client.post(
        reverse("worth:evidence_new"),
        {"text": "I got through today's check-in.", "next": "/checkins/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/checkins/"
    assert open_row(Evidence.objects.get(owner=member)).text == "I got through today's check-in."
