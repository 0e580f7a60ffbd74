from datetime import date

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.sayno.models import RealNo
from reclaim.vault.fields import open_row


def test_the_form_opens_with_what_was_saved(member_client, real):
    page = member_client.get(reverse("sayno:real_edit", args=[real.pk]))
    assert html.values(page, "who") == ["My brother"]
    assert html.values(page, "said") == ["Not this year."]
    assert html.values(page, "felt") == ["7"]


def test_changes_are_saved(member_client, real):
    response = member_client.post(
        reverse("sayno:real_edit", args=[real.pk]),
        {
            "day": "2026-03-01",
            "who": "My brother Sam",
            "said": "Not this year.",
            "went": "",
            "felt": "",
        },
    )
    assert response["Location"] == reverse("sayno:real_list")
    real = open_row(RealNo.objects.get(pk=real.pk))
    assert (real.day, real.who, real.went, real.felt) == (
        date(2026, 3, 1),
        "My brother Sam",
        "",
        None,
    )


def test_a_chosen_feeling_can_be_taken_back(member_client, real):
    member_client.post(
        reverse("sayno:real_edit", args=[real.pk]), {"day": "2026-03-02", "said": "No.", "felt": ""}
    )
    assert open_row(RealNo.objects.get(pk=real.pk)).felt is None
    page = member_client.get(reverse("sayno:real_edit", args=[real.pk]))
    assert html.values(page, "felt") == [""]


def test_bad_input_keeps_the_changed_words_and_the_saved_row(member_client, real):
    page = member_client.post(
        reverse("sayno:real_edit", args=[real.pk]),
        {"day": "2999-01-01", "who": "Changed words", "said": ""},
    )
    assert "That date is in the future" in html.words(html.main(page))
    assert html.values(page, "who") == ["Changed words"]
    real = open_row(RealNo.objects.get(pk=real.pk))
    assert real.who == "My brother"
