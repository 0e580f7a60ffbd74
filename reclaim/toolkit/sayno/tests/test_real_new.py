from datetime import date, timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.sayno.models import RealNo
from reclaim.toolkit.writing import today_for
from reclaim.vault.fields import open_row

URL = reverse("sayno:real_new")


def test_the_form_starts_on_today_with_every_box_optional(member_client, member):
    page = member_client.get(URL)
    assert html.values(page, "day") == [today_for(member).isoformat()]
    for name in ("who", "said", "went"):
        assert html.values(page, name) == [""], name
    assert len(html.select(page, 'input[type="radio"][name="felt"]')) == 12
    assert "Leave it out" in html.words(html.main(page))


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
    text = html.words(html.main(member_client.get(response["Location"])))
    assert "Saved in your log." in text
    assert "A colleague" in text and "felt 8 out of 10 afterwards" in text


def test_how_it_felt_can_be_left_out(member_client, member):
    member_client.post(URL, {"day": "2026-05-04", "said": "Not now."})
    assert open_row(RealNo.objects.get(owner=member)).felt is None


def test_a_day_in_the_future_gets_a_kind_message_and_the_words_stay(member_client, member):
    tomorrow = today_for(member) + timedelta(days=1)
    page = member_client.post(URL, {"day": tomorrow.isoformat(), "said": "No thank you."})
    assert "That date is in the future" in html.words(html.main(page))
    assert html.values(page, "said") == ["No thank you."]
    assert not RealNo.objects.exists()


def test_a_day_that_is_not_a_date_gets_a_kind_message(member_client):
    page = member_client.post(URL, {"day": "soon", "who": "Mum"})
    assert "That date doesn't look right" in html.words(html.main(page))
    assert html.values(page, "who") == ["Mum"]


def test_empty_boxes_get_a_kind_message(member_client):
    page = member_client.post(URL, {"day": "2026-05-04"})
    assert "A few words in any one box are enough" in html.words(html.main(page))
    assert not RealNo.objects.exists()


def test_a_feeling_outside_nought_to_ten_is_not_kept(member_client):
    page = member_client.post(URL, {"day": "2026-05-04", "said": "No.", "felt": "11"})
    assert page.status_code == 200
    assert html.values(page, "said") == ["No."]
    assert not RealNo.objects.exists()
