from django.urls import reverse

from reclaim.journal.actions import do_save_draft
from reclaim.testing import html


def _url(entry) -> str:
    return reverse("journal:detail", args=[entry.pk])


def test_it_shows_the_entry_under_a_plain_title(member_client, entry):
    response = member_client.get(_url(entry))
    assert response.status_code == 200
    assert html.title(response).startswith("Entry ·")
    main = html.main(response)
    assert "Low tide" in html.words(main)
    assert "The tide went out" in html.words(main)
    assert "walks" in [html.words(span) for span in html.select(main, "span")]


def test_it_shows_the_prompt_an_entry_answered(member_client, member, write):
    entry = write(member, "Honesty first.", prompt="values-01")
    assert "Name three things that matter most" in member_client.get(_url(entry)).content.decode()


def test_its_words_are_escaped(member_client, member, write):
    entry = write(member, "<script>alert(1)</script>")
    page = member_client.get(_url(entry))
    assert "<script>alert(1)</script>" in html.words(html.main(page))
    assert not [s for s in html.select(page, "script") if "alert(1)" in s.get_text()]


def test_an_unsaved_change_is_offered_back(member_client, member, entry):
    do_save_draft(member, {"body": "changing my mind"}, entry)
    assert "Carry on writing" in member_client.get(_url(entry)).content.decode()


def test_it_rejects_other_members_entry(other_client, entry):
    response = other_client.get(_url(entry))
    assert response.status_code == 404
    assert b"tide" not in response.content


def test_anonymous_visitors_are_sent_to_sign_in(client, entry):
    response = client.get(_url(entry))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
