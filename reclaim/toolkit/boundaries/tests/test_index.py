from django.urls import reverse

URL = reverse("boundaries:index")


def test_the_page_shows_the_members_top_five_from_values(member_client, member):
    from reclaim.toolkit.values.actions import do_save_sort

    do_save_sort(member, ["tenderness", "justice", "humour"], {})
    html = member_client.get(URL).content.decode()
    assert "Your five values, from your latest sort." in html
    for name in ("Tenderness", "Justice", "Humour"):
        assert name in html
    assert reverse("values:index") in html


def test_before_a_sort_it_invites_one_and_says_defaults_will_do(member_client):
    html = member_client.get(URL).content.decode()
    assert "You have not sorted your values yet." in html
    assert reverse("values:sort") in html
    assert "No boundaries yet." in html and reverse("boundaries:new") in html


def test_each_boundary_is_listed_with_its_value_and_how_often_it_held(member_client, boundary, log):
    for outcome in ("held", "held", "not"):
        log(boundary, outcome)
    html = member_client.get(URL).content.decode()
    assert "When you raise your voice at me" in html
    assert "Protects respect" in html
    assert "Held 2 of the 3 times so far." in html
    assert "Across all your boundaries: Held 2 of the 3 times so far." in html
    assert "information, not failure" in html


def test_nothing_is_ever_shown_in_red(member_client, boundary, log):
    log(boundary, "not")
    html = member_client.get(URL).content.decode()
    assert "danger" not in html.split('<main id="main"')[1].split("</main>")[0]
