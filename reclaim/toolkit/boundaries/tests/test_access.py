from django.urls import reverse

from reclaim.testing import html
from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.boundaries.models import Boundary, Occasion
from reclaim.vault.fields import open_row


def test_another_member_meets_a_404_on_every_boundary_and_note_url(
    other_client, boundary, occasion
):
    before = (boundary.script, dict(boundary.parts), dict(occasion.record))
    assert_hidden_from(
        other_client,
        [
            reverse("boundaries:detail", args=[boundary.pk]),
            reverse("boundaries:edit", args=[boundary.pk]),
            reverse("boundaries:delete", args=[boundary.pk]),
            reverse("boundaries:log_new", args=[boundary.pk]),
            reverse("boundaries:log_edit", args=[occasion.pk]),
            reverse("boundaries:log_delete", args=[occasion.pk]),
        ],
        post_data={"behaviour": "x", "what": "x", "outcome": "held", "day": "2026-01-01"},
    )
    kept = open_row(Boundary.objects.get(pk=boundary.pk))
    assert (
        kept.script,
        kept.parts,
        open_row(Occasion.objects.get(pk=occasion.pk)).record,
    ) == before
    assert Occasion.objects.filter(boundary=boundary).count() == 1


def test_another_members_boundaries_never_show_on_their_page(other_client, boundary):
    main = html.main(other_client.get(reverse("boundaries:index")))
    assert "raise your voice" not in html.words(main)
    assert "No boundaries yet." in html.words(main)
    assert reverse("boundaries:detail", args=[boundary.pk]) not in html.hrefs(main)


def test_a_stranger_is_sent_to_sign_in(client, boundary):
    for url in (reverse("boundaries:new"), reverse("boundaries:detail", args=[boundary.pk])):
        assert reverse("account_login") in client.get(url)["Location"]
