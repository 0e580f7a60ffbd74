"""Feature apps plug into core through `core.hooks`, registered when Django starts."""

from __future__ import annotations

import pytest

from reclaim.core.hooks import draft_saver_for


@pytest.mark.parametrize(
    "url_name",
    ["journal:new", "journal:edit", "journal:draft", "checkins:new", "assessments:take"],
)
def test_every_writing_form_has_a_saver_for_words_posted_after_the_lock(url_name):
    assert callable(draft_saver_for(url_name))


def test_a_page_without_writing_has_no_saver():
    assert draft_saver_for("progress:today") is None
