from django.urls import reverse

from reclaim.testing import html


def test_it_shows_the_script_in_a_box_to_copy_and_the_parts(member_client, boundary):
    page = member_client.get(reverse("boundaries:detail", args=[boundary.pk]))
    script = html.one(page, "textarea#script-text")
    assert script.has_attr("readonly")
    assert script.get_text().strip() == boundary.script
    assert any(s["src"].endswith("boundaries/copy.js") for s in html.select(page, "script[src]"))
    text = html.words(html.main(page))
    assert "Respect" in text and "to be spoken to calmly" in text
    assert "Not tested yet." in text


def test_it_lists_the_times_it_was_tested_newest_first_with_counts(member_client, boundary, log):
    from datetime import date

    log(boundary, "held", date(2026, 1, 3), what="First time.")
    log(boundary, "not", date(2026, 1, 9), what="Second time.")
    main = html.main(member_client.get(reverse("boundaries:detail", args=[boundary.pk])))
    text = html.words(main)
    assert text.index("9 January 2026") < text.index("3 January 2026")
    assert "Did not hold" in text and "Held 1 of the 2 times so far." in text
    assert html.terms(main)["Not held"] == "1"


def test_a_long_log_shows_twenty_and_counts_the_rest(member_client, boundary, log):
    for _ in range(22):
        log(boundary)
    main = html.main(member_client.get(reverse("boundaries:detail", args=[boundary.pk])))
    notes = [href for href in html.hrefs(main) if href.startswith("/tools/boundaries/log/")]
    assert len(notes) == 2 * 20  # change and delete for each
    assert "And 2 earlier notes, counted above." in html.words(main)
    assert html.terms(main)["Times noted"] == "22"


def test_its_owner_cannot_post_to_it(member_client, boundary):
    assert member_client.post(reverse("boundaries:detail", args=[boundary.pk])).status_code == 405
