from datetime import date, timedelta

from django.urls import reverse

from reclaim.toolkit.sayno.models import RealNo
from reclaim.toolkit.writing import today_for
from reclaim.vault.fields import open_row

URL = reverse("sayno:real_new")


def test_the_form_starts_on_today_with_every_box_optional(member_client, member):
    page = member_client.get(URL).content.decode()
    assert f'value="{today_for(member).isoformat()}"' in page
    for name in ("who", "said", "went"):
        assert f'name="{name}"' in page
    assert page.count('type="radio" name="felt"') == 12
    assert "Leave it out" in page


def test_it_saves_a_real_no_sealed_and_shows_it_in_the_log(member_client, member):
    response = member_client.post(
        URL,
        {
            "day": "2026-05-04",
            "who": "A colleague",
            "said": "No, I can't this week.",
            "went": "They found someone else.",
            "felt": "8",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("sayno:real_list")
    real = open_row(RealNo.objects.get(owner=member))
    assert (real.day, real.who, real.said, real.went, real.felt) == (
        date(2026, 5, 4),
        "A colleague",
        "No, I can't this week.",
        "They found someone else.",
        8,
    )
    page = member_client.get(response["Location"]).content.decode()
    assert "Saved in your log." in page
    assert "A colleague" in page and "felt 8 out of 10 afterwards" in page


def test_how_it_felt_can_be_left_out(member_client, member):
    member_client.post(URL, {"day": "2026-05-04", "said": "Not now."})
    assert open_row(RealNo.objects.get(owner=member)).felt is None


def test_a_day_in_the_future_gets_a_kind_message_and_the_words_stay(member_client, member):
    tomorrow = today_for(member) + timedelta(days=1)
    page = member_client.post(URL, {"day": tomorrow.isoformat(), "said": "No thank you."})
    html = page.content.decode()
    assert "That date is in the future" in html
    assert "No thank you.</textarea>" in html
    assert not RealNo.objects.exists()


def test_a_day_that_is_not_a_date_gets_a_kind_message(member_client):
    html = member_client.post(URL, {"day": "soon", "who": "Mum"}).content.decode()
    assert "That date doesn&#x27;t look right" in html
    assert 'value="Mum"' in html


def test_empty_boxes_get_a_kind_message(member_client):
    html = member_client.post(URL, {"day": "2026-05-04"}).content.decode()
    assert "A few words in any one box are enough" in html
    assert not RealNo.objects.exists()


def test_a_feeling_outside_nought_to_ten_is_not_kept(member_client):
    html = member_client.post(URL, {"day": "2026-05-04", "said": "No.", "felt": "11"})
    assert html.status_code == 200
    assert not RealNo.objects.exists()
