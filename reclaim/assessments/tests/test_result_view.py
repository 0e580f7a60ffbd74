from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.assessments.actions import do_save_result
from reclaim.assessments.models import Result
from reclaim.testing import html
from reclaim.vault.fields import open_row, open_rows

from .conftest import answer_all, page_title


def result_page(client, result):
    return client.get(reverse("assessments:result", args=[result.id]))


def test_it_shows_the_score_band_and_what_it_is_not(member_client, member):
    result = do_save_result(member, "gad7", [2, 2, 2, 2, 2, 1, 1])  # 12: moderate
    page = result_page(member_client, result).content.decode()
    assert "12 out of 21" in page
    assert "Worry is weighing on you" in page
    assert "This is not a diagnosis" in page
    assert "You could take this again around" in page


def test_phq9_item_9_opens_the_support_panel_whatever_the_total(member_client, member):
    # A total of 1: "minimal", but item 9 was answered "Several days".
    response = answer_all(member_client, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    main = html.main(member_client.get(response["Location"]))
    page = html.words(main)
    assert "Few signs of low mood" in page
    assert "Samaritans" in page
    assert "116 123" in page
    assert "tel:999" in html.hrefs(main)
    # The panel comes before the score, and only once.
    assert page.index("Samaritans") < page.index("Your score")
    assert [html.words(h3) for h3 in html.select(main, "h3")].count("Samaritans") == 1
    # The panel speaks of the answer, not of something the member wrote.
    assert "Your answers are saved." in page
    assert "What you wrote" not in page


def test_finishing_with_the_safety_flag_opens_the_urgent_path(member_client, member):
    from reclaim.safety.models import RiskEvent

    answer_all(member_client, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 2])
    event = open_row(RiskEvent.objects.get(owner=member))
    assert event.source == "assessment"
    assert event.level == "urgent"


def test_the_note_is_listened_to_for_risk_and_kept_with_the_result(member_client, member):
    from reclaim.safety.models import RiskEvent

    answer_all(member_client, "gad7", [1] * 7, note="Some nights I want to end my life.")
    assert Result.objects.filter(owner=member).exists()
    assert open_row(RiskEvent.objects.get(owner=member)).source == "assessment_note"


def test_an_ordinary_note_records_nothing(member_client, member):
    from reclaim.safety.models import RiskEvent

    answer_all(member_client, "gad7", [1] * 7, note="Slept badly after the phone call.")
    assert not RiskEvent.objects.exists()


def test_opening_a_flagged_result_again_still_shows_the_lines(member_client, member):
    response = answer_all(member_client, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    member_client.get(response["Location"])
    from reclaim.safety import actions as safety_actions
    from reclaim.safety.models import RiskEvent

    for event in open_rows(RiskEvent.objects.all()):
        safety_actions.do_acknowledge(event)
    main = html.main(member_client.get(response["Location"]))
    assert "have to carry this alone" in html.words(main)
    assert [html.words(h3) for h3 in html.select(main, "h3")].count("Samaritans") == 1
    assert "tel:999" in html.hrefs(main)


def test_the_support_panel_follows_the_members_country(member_client, member):
    member.country = "US"
    member.save()
    result = do_save_result(member, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 2])
    main = html.main(result_page(member_client, result))
    assert "988" in html.words(main)
    assert "tel:911" in html.hrefs(main)
    assert "Samaritans" not in html.words(main)


def test_a_member_without_a_country_still_gets_a_way_to_help(member_client, member):
    member.country = ""
    member.save()
    result = do_save_result(member, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    page = result_page(member_client, result).content.decode()
    assert "have to carry this alone" in page
    assert "emergency number" in page


def test_no_support_panel_without_the_safety_flag(member_client, member):
    result = do_save_result(member, "phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])
    page = result_page(member_client, result).content.decode()
    assert "You are carrying a very heavy load" in page
    assert "Samaritans" not in page


def test_a_pcl5_result_never_says_ptsd(member_client, member):
    high = [3] * 20  # 60, at or above the cut-point, DSM-5 pattern met.
    do_save_result(member, "pcl5", [1] * 20, taken=timezone.now() - timedelta(days=40))
    result = do_save_result(member, "pcl5", high)
    page = result_page(member_client, result).content.decode()
    assert "ptsd" not in page.lower()
    assert "At or above the usual screening line" in page
    assert "trauma-informed" in page
    assert "not a diagnosis" in page


def test_a_low_pcl5_result_has_no_suggestion_to_see_a_professional(member_client, member):
    result = do_save_result(member, "pcl5", [0] * 20)
    page = result_page(member_client, result).content.decode()
    assert "Below the usual screening line" in page
    assert "talk it through together" not in page
    assert "ptsd" not in page.lower()


def test_it_names_a_reliable_improvement_since_the_last_result(member_client, member):
    do_save_result(
        member, "phq9", [2, 2, 2, 2, 2, 2, 2, 2, 0], taken=timezone.now() - timedelta(days=20)
    )
    result = do_save_result(member, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0])  # 16 -> 8
    page = result_page(member_client, result).content.decode()
    assert "a real improvement" in page
    assert "16 out of 27" in page
    assert "8 out of 27" in page


def test_a_small_change_is_called_about_the_same(member_client, member):
    do_save_result(member, "who5", [3, 3, 3, 3, 3], taken=timezone.now() - timedelta(days=20))
    result = do_save_result(member, "who5", [3, 3, 3, 3, 4])  # 60 -> 64
    page = result_page(member_client, result).content.decode()
    assert "about the same as last time" in page


def test_instruments_without_a_threshold_show_no_change_words(member_client, member):
    do_save_result(member, "rses", [0] * 10, taken=timezone.now() - timedelta(days=40))
    result = do_save_result(member, "rses", [3] * 10)
    page = result_page(member_client, result).content.decode()
    assert "Since last time" not in page
    assert "reliable" not in page


def test_other_flags_are_explained(member_client, member):
    result = do_save_result(member, "who5", [5, 5, 5, 5, 1])
    page = result_page(member_client, result).content.decode()
    assert "At least one part of your well-being has been very low" in page


def test_a_mean_scored_result_reads_as_a_scale(member_client, member):
    result = do_save_result(member, "scs_sf", [3] * 12)
    page = result_page(member_client, result).content.decode()
    assert "3.00 on a scale of 1 to 5" in page


def test_the_title_is_neutral(member_client, member):
    result = do_save_result(member, "pcl5", [2] * 20)
    title = page_title(result_page(member_client, result))
    assert title.startswith("Result")
    for word in ("PCL", "PTSD", "Stress", "Checklist"):
        assert word not in title


def test_another_member_gets_not_found(other_client, member):
    result = do_save_result(member, "phq9", [1] * 9)
    response = result_page(other_client, result)
    assert response.status_code == 404
    assert b"out of 27" not in response.content


def test_anonymous_visitors_are_sent_to_sign_in(client, member):
    result = do_save_result(member, "phq9", [1] * 9)
    response = result_page(client, result)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    ("code", "score"),
    [("brs", "Your score: 3.00 on a scale of 1 to 5"), ("dar5", "Your score: 15 out of 25")],
)
def test_results_stay_readable_after_an_instrument_is_switched_off(
    member_client, member, code, score
):
    result = do_save_result(member, code, [3] * Result(code=code).instrument.item_count)
    assert score in html.words(html.main(result_page(member_client, result)))
