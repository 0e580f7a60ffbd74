"""When the server fails, the page is honest about what may not have been kept."""

from django.test import RequestFactory

from reclaim.core.errors import server_error
from reclaim.testing import html


def test_it_says_earlier_saves_are_safe_but_the_words_just_sent_may_not_be():
    response = server_error(RequestFactory().post("/journal/new/"))
    text = html.words(response)
    assert response.status_code == 500
    assert "What you saved before is safe." in text
    assert "may not have been kept" in text
    # Found by the database-restart proof: a failed save is not saved, so the
    # page must never promise that nothing is lost.
    assert "Nothing you saved is lost" not in response.content.decode()
