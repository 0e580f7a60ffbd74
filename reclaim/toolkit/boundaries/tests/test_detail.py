from django.urls import reverse


def test_it_shows_the_script_in_a_box_to_copy_and_the_parts(member_client, boundary):
    html = member_client.get(reverse("boundaries:detail", args=[boundary.pk])).content.decode()
    assert '<textarea id="script-text" rows="5" readonly' in html
    assert boundary.script in html
    assert "boundaries/copy.js" in html
    assert "Respect" in html and "to be spoken to calmly" in html
    assert "Not tested yet." in html


def test_it_lists_the_times_it_was_tested_newest_first_with_counts(member_client, boundary, log):
    from datetime import date

    log(boundary, "held", date(2026, 1, 3), what="First time.")
    log(boundary, "not", date(2026, 1, 9), what="Second time.")
    html = member_client.get(reverse("boundaries:detail", args=[boundary.pk])).content.decode()
    assert html.index("9 January 2026") < html.index("3 January 2026")
    assert "Did not hold" in html and "Held 1 of the 2 times so far." in html
    assert "<dt>Not held</dt><dd>1</dd>" in html


def test_a_long_log_shows_twenty_and_counts_the_rest(member_client, boundary, log):
    for _ in range(22):
        log(boundary)
    html = member_client.get(reverse("boundaries:detail", args=[boundary.pk])).content.decode()
    assert html.count("/tools/boundaries/log/") == 2 * 20
    assert "And 2 earlier notes, counted above." in html
    assert "<dt>Times noted</dt><dd>22</dd>" in html


def test_its_owner_cannot_post_to_it(member_client, boundary):
    assert member_client.post(reverse("boundaries:detail", args=[boundary.pk])).status_code == 405
