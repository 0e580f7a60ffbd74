from django.urls import reverse

from reclaim.testing import html

URL = reverse("boundaries:index")


def test_the_page_shows_the_members_top_five_from_values(member_client, member):
    from reclaim.toolkit.values.actions import do_save_sort

    do_save_sort(member, ["tenderness", "justice", "humour"], {})
    main = html.main(member_client.get(URL))
    values = html.section(main, "What matters most to you")
    assert "Your five values, from your latest sort." in html.words(values)
    assert [html.words(item) for item in html.select(values, "li")] == [
        "Tenderness",
        "Justice",
        "Humour",
    ]
    assert ("See your values in your own words", reverse("values:index")) in html.links(values)


def test_before_a_sort_it_invites_one_and_says_defaults_will_do(member_client):
    main = html.main(member_client.get(URL))
    values = html.section(main, "What matters most to you")
    assert "You have not sorted your values yet." in html.words(values)
    assert ("Sort your values", reverse("values:sort")) in html.links(values)
    assert "No boundaries yet." in html.words(main)
    assert ("Make a boundary", reverse("boundaries:new")) in html.links(main)


def test_each_boundary_is_listed_with_its_value_and_how_often_it_held(member_client, boundary, log):
    for outcome in ("held", "held", "not"):
        log(boundary, outcome)
    main = html.main(member_client.get(URL))
    listed = [html.words(item) for item in html.select(main, "ul.entries > li")]
    assert len(listed) == 1
    assert "When you raise your voice at me" in listed[0]
    assert "Protects respect" in listed[0]
    assert "Held 2 of the 3 times so far." in listed[0]
    assert reverse("boundaries:detail", args=[boundary.pk]) in html.hrefs(main)
    held = html.words(html.section(main, "How your boundaries have held"))
    assert "Across all your boundaries: Held 2 of the 3 times so far." in held
    assert "information, not failure" in held


def test_nothing_is_ever_shown_in_red(member_client, boundary, log):
    log(boundary, "not")
    main = html.main(member_client.get(URL))
    # The style sheet colours red only what carries a "danger" or "error" class.
    assert html.select(main, '[class*="danger"], [class*="error"]') == []
