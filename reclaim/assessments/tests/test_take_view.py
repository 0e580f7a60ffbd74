import pytest
from django.urls import reverse

from reclaim.assessments.models import InProgress, Result
from reclaim.testing import html
from reclaim.vault.fields import open_row

from .conftest import answer_all, page_title

PHQ9_MODERATE = [2, 2, 1, 1, 1, 1, 1, 2, 0]  # 11: "moderate", item 9 = 0


def test_a_member_takes_phq9_end_to_end_and_sees_the_score_and_band(member_client, member):
    response = answer_all(member_client, "phq9", PHQ9_MODERATE)
    result = open_row(Result.objects.get(owner=member))
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:result", args=[result.id])
    page = html.words(member_client.get(response["Location"]))
    assert "11 out of 27" in page
    assert "Low mood is weighing on you" in page
    assert "This is not a diagnosis" in page
    assert not InProgress.objects.filter(owner=member).exists()


def test_the_first_page_shows_the_instructions_items_and_labels_verbatim(member_client):
    page = html.words(member_client.get(reverse("assessments:take", args=["phq9"])))
    assert "Over the last 2 weeks, how often have you been bothered by" in page
    assert "Little interest or pleasure in doing things" in page
    assert "More than half the days" in page
    assert "Question 1 of 9" in page
    assert "Page 1 of 2" in page
    assert "Patient Health Questionnaire-9" in page
    assert "Kroenke" in page  # The attribution line.


def test_every_item_is_a_fieldset_with_a_legend_and_labelled_radios(member_client):
    page = member_client.get(reverse("assessments:take", args=["gad7"]))
    fieldsets = html.select(html.main(page), "form fieldset")
    assert len(fieldsets) == 4  # 7 items as 4 + 3.
    for fieldset in fieldsets:
        legend = fieldset.find("legend")
        assert legend is not None and html.words(legend)
        radios = html.select(fieldset, 'input[type="radio"]')
        assert len(radios) == 4
        # Every choice is named by a label a member can tap.
        labels = [html.words(html.one(fieldset, f'label[for="{r["id"]}"]')) for r in radios]
        assert all(labels)


def test_a_member_can_leave_after_three_answers_and_find_them_kept(member_client, member):
    url = reverse("assessments:take", args=["phq9"])
    response = member_client.post(
        url, {"code": "phq9", "page": 1, "q1": 2, "q2": 1, "q3": 3, "go": "later"}
    )
    assert response.status_code == 302
    progress = open_row(InProgress.objects.get(owner=member, code="phq9"))
    assert progress.answer_map == {1: 2, 2: 1, 3: 3}

    again = member_client.get(url)
    assert "Welcome back" in html.words(again)
    assert html.values(again, "q1") == ["2"]
    assert html.values(again, "q2") == ["1"]
    assert html.values(again, "q3") == ["3"]
    assert html.values(again, "q4") == []


def test_coming_back_opens_the_first_page_with_a_question_left(member_client):
    url = reverse("assessments:take", args=["phq9"])
    member_client.post(
        url, {"code": "phq9", "page": 1, **{f"q{n}": 1 for n in range(1, 6)}, "go": "next"}
    )
    page = html.words(member_client.get(url))
    assert "Page 2 of 2" in page
    assert "Question 6 of 9" in page


def test_next_moves_on_and_back_returns_with_answers_in_place(member_client):
    url = reverse("assessments:take", args=["phq9"])
    response = member_client.post(
        url, {"code": "phq9", "page": 1, **{f"q{n}": 1 for n in range(1, 6)}, "go": "next"}
    )
    assert response["Location"].endswith("?page=2")
    response = member_client.post(url, {"code": "phq9", "page": 2, "q6": 3, "go": "back"})
    assert response["Location"].endswith("?page=1")
    page_two = member_client.get(url + "?page=2")
    assert html.values(page_two, "q6") == ["3"]


def test_a_missing_answer_gets_a_kind_message_naming_the_question(member_client, member):
    url = reverse("assessments:take", args=["gad7"])
    response = member_client.post(
        url, {"code": "gad7", "page": 1, "q1": 1, "q2": 2, "q4": 0, "go": "next"}
    )
    page = html.words(response)
    assert response.status_code == 200
    assert "Question 3: Worrying too much about different things" in page
    assert "Your other answers are kept" in page
    # A screen reader hears the message with the question it belongs to.
    question_three = html.one(response, 'fieldset[aria-describedby="q3-error"]')
    assert html.words(html.one(response, "#q3-error"))
    assert "Worrying too much" in html.words(question_three)
    assert html.values(response, "q1") == ["1"]
    assert html.values(response, "q2") == ["2"]
    assert open_row(InProgress.objects.get(owner=member, code="gad7")).answer_map == {
        1: 1,
        2: 2,
        4: 0,
    }


def test_finishing_with_an_earlier_page_incomplete_goes_back_to_that_question(
    member_client, member
):
    url = reverse("assessments:take", args=["phq9"])
    member_client.post(url, {"code": "phq9", "page": 1, "q1": 1, "go": "later"})
    response = member_client.post(
        url, {"code": "phq9", "page": 2, **{f"q{n}": 0 for n in range(6, 10)}, "go": "finish"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?page=1#q2")
    page = html.words(member_client.get(response["Location"]))
    assert "Question 2 still needs an answer" in page
    assert "Feeling down, depressed, or hopeless" in page
    assert not Result.objects.filter(owner=member).exists()


def test_a_value_outside_the_scale_is_treated_as_no_answer(member_client, member):
    url = reverse("assessments:take", args=["who5"])
    response = member_client.post(
        url, {"code": "who5", "page": 1, "q1": 9, "q2": "x", "q3": 3, "q4": 3, "q5": 3}
    )
    assert response.status_code == 200
    assert "Question 1:" in html.words(response)
    assert "Question 2:" in html.words(response)
    assert not Result.objects.filter(owner=member).exists()


def test_the_note_is_kept_sealed_with_the_result(member_client, member):
    answer_all(member_client, "gad7", [1] * 7, note="Slept badly after the phone call.")
    result = open_row(Result.objects.get(owner=member))
    assert result.note == "Slept badly after the phone call."
    assert b"phone call" not in bytes(result.note_sealed)


def test_a_note_that_is_too_long_is_shown_again_with_every_word(member_client, member):
    url = reverse("assessments:take", args=["who5"])
    long_note = "word " * 1200
    response = member_client.post(
        url,
        {"code": "who5", "page": 1, **{f"q{n}": 3 for n in range(1, 6)}, "note": long_note},
    )
    assert response.status_code == 200
    assert "a little long" in html.words(response)
    assert html.values(response, "note") == [long_note]
    assert not Result.objects.filter(owner=member).exists()


def test_scs_sf_shows_numbers_beside_its_two_labelled_ends(member_client):
    page = html.words(member_client.get(reverse("assessments:take", args=["scs_sf"])))
    assert "1 – Almost never" in page
    assert "5 – Almost always" in page


@pytest.mark.parametrize("code", ["brs", "dar5"])
def test_instruments_that_are_off_are_not_found(member_client, code):
    assert member_client.get(reverse("assessments:take", args=[code])).status_code == 404


@pytest.mark.parametrize(("code", "name"), [("brs", "Bouncing back"), ("dar5", "Anger")])
def test_an_operator_can_switch_them_on(member_client, settings, code, name):
    settings.RECLAIM_ENABLED_INSTRUMENTS = ["brs", "dar5"]
    main = html.main(member_client.get(reverse("assessments:take", args=[code])))
    assert html.words(main).startswith(name)
    assert "Question 1 of" in html.words(main)


def test_an_unknown_questionnaire_is_not_found(member_client):
    assert member_client.get(reverse("assessments:take", args=["cssrs"])).status_code == 404


def test_the_title_never_names_the_questionnaire(member_client):
    response = member_client.get(reverse("assessments:take", args=["pcl5"]))
    assert page_title(response).startswith("Questions")
    assert "PCL" not in page_title(response)
    assert "PTSD" not in page_title(response)


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("assessments:take", args=["phq9"]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_another_members_answers_in_progress_are_never_shown(member_client, other_client):
    url = reverse("assessments:take", args=["phq9"])
    member_client.post(url, {"code": "phq9", "page": 1, "q1": 3, "go": "later"})
    page = other_client.get(url)
    assert html.select(page, "input[checked]") == []
    assert "Welcome back" not in html.words(page)


def test_the_page_works_without_javascript(member_client):
    page = member_client.get(reverse("assessments:take", args=["phq9"]))
    form = html.one(html.main(page), "form")
    assert form["method"] == "post"
    assert html.buttons(form)
    assert html.select(page, "script:not([src])") == []
    assert html.select(page, "[style], style") == []


def test_answers_sent_on_the_way_out_are_kept_and_nothing_else_happens(member_client, member):
    # keep.js sends the page with go=keep when the member taps away mid-page.
    url = reverse("assessments:take", args=["phq9"])
    response = member_client.post(url, {"code": "phq9", "page": 1, "q1": 1, "q2": 0, "go": "keep"})
    assert response.status_code == 204
    assert open_row(InProgress.objects.get(owner=member, code="phq9")).answer_map == {1: 1, 2: 0}
    # No "still needs an answer" page and no message waiting for the next page.
    assert "You can carry on whenever you like" not in html.words(member_client.get(url))


def test_the_note_loses_its_bidi_controls(member_client, member):
    answer_all(member_client, "gad7", [1] * 7, note="Slept\u202e badly\u200f.")
    assert open_row(Result.objects.get(owner=member)).note == "Slept badly."
