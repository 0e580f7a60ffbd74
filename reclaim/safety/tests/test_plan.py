"""The safety plan: build it, keep it sealed, change it, print it."""

from django.urls import reverse

from reclaim.safety import actions
from reclaim.safety.models import SECTION_KEYS, SafetyPlan
from reclaim.testing import html
from reclaim.vault.fields import open_row


def form_data(**sections):
    data = {key: "" for key in SECTION_KEYS}
    data.update(sections)
    return data


def raw_plan_bytes(plan_id) -> bytes:
    sealed = SafetyPlan.objects.filter(pk=plan_id).values_list("sections_sealed", flat=True)
    return bytes(sealed.get())


def test_a_plan_is_saved_sealed_changed_and_printed(member_client, member):
    response = member_client.post(
        reverse("safety:plan"),
        form_data(
            warning_signs="Reading the old messages at night\n\nNot eating",
            reasons="My sister's wedding in June",
            people="Sam 07700 900123",
        ),
    )
    assert response.status_code == 302
    plan = open_row(SafetyPlan.objects.get(owner=member))
    assert plan.items("warning_signs") == ["Reading the old messages at night", "Not eating"]
    assert b"wedding" not in raw_plan_bytes(plan.pk)

    page = member_client.get(reverse("safety:plan"))
    assert "My sister's wedding in June" in html.values(page, "reasons")[0]

    member_client.post(
        reverse("safety:plan"),
        form_data(reasons="My sister's wedding in June\nSeeing the sea again"),
    )
    plan = open_row(SafetyPlan.objects.get(owner=member))
    assert plan.items("reasons") == ["My sister's wedding in June", "Seeing the sea again"]
    assert plan.items("warning_signs") == []
    assert SafetyPlan.objects.filter(owner=member).count() == 1

    printed = html.page(member_client.get(reverse("safety:plan_print")))
    assert "Seeing the sea again" in html.words(printed)
    assert "My reasons to keep going" in html.words(printed)
    sheets = [str(link["href"]) for link in html.select(printed, 'link[rel="stylesheet"]')]
    assert any(sheet.endswith("safety/plan-print.css") for sheet in sheets)


def test_a_new_plan_starts_with_the_countrys_services(member_client):
    (textarea,) = html.values(member_client.get(reverse("safety:plan")), "professionals")
    assert "Emergency: 999" in textarea
    assert "Samaritans (24/7): 116 123" in textarea


def test_a_new_plan_in_the_us_starts_with_988(member_client, member):
    member.country = "US"
    member.save()
    (textarea,) = html.values(member_client.get(reverse("safety:plan")), "professionals")
    assert "Emergency: 911" in textarea
    assert "988, text 988" in textarea


def test_the_services_can_be_changed(member_client, member):
    member_client.post(reverse("safety:plan"), form_data(professionals="Dr Okafor 020 7946 0000"))
    assert open_row(SafetyPlan.objects.get(owner=member)).items("professionals") == [
        "Dr Okafor 020 7946 0000"
    ]
    page = member_client.get(reverse("safety:plan"))
    assert html.values(page, "professionals") == ["Dr Okafor 020 7946 0000"]


def test_too_much_in_one_part_is_refused_kindly_and_nothing_typed_is_lost(member_client, member):
    long_text = "x" * 4001
    response = member_client.post(
        reverse("safety:plan"), form_data(reasons="Pepper the dog", on_my_own=long_text)
    )
    assert response.status_code == 200
    assert "Your words are still here." in html.words(html.main(response))
    kept = "\n".join(html.values(response, key)[0] for key in SECTION_KEYS)
    assert "Pepper the dog" in kept
    assert long_text in kept
    assert not SafetyPlan.objects.filter(owner=member).exists()


def test_writing_the_plan_does_not_open_the_crisis_panel(member_client, member):
    member_client.post(
        reverse("safety:plan"),
        form_data(surroundings="Give the pills to Sam when I feel like ending it"),
    )
    assert not html.select(member_client.get(reverse("safety:plan")), "#safety-panel")


def test_each_member_sees_only_their_own_plan(member, other_client):
    actions.do_save_safety_plan(member, {"reasons": ["Pepper the dog"]})
    for url in (reverse("safety:plan"), reverse("safety:plan_print")):
        assert b"Pepper the dog" not in other_client.get(url).content


def test_the_plan_needs_sign_in(client, db):
    for url in (reverse("safety:plan"), reverse("safety:plan_print")):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    assert client.post(reverse("safety:plan"), form_data(reasons="x")).status_code == 302
    assert not SafetyPlan.objects.exists()


def test_the_print_page_only_answers_get(member_client):
    assert member_client.post(reverse("safety:plan_print")).status_code == 405


def test_printing_before_writing_invites_a_plan(member_client):
    page = member_client.get(reverse("safety:plan_print"))
    assert "You have not written a plan yet" in html.words(html.main(page))


def test_plan_titles_are_neutral(member_client):
    for url in (reverse("safety:plan"), reverse("safety:plan_print")):
        assert html.title(member_client.get(url)).startswith("Your plan ·")


def test_every_section_is_a_labelled_textarea(member_client):
    page = member_client.get(reverse("safety:plan"))
    for key in SECTION_KEYS:
        assert html.one(page, f'[name="{key}"]').name == "textarea", key
        assert html.label_for(page, key), key


def test_bidi_controls_are_dropped_before_the_plan_is_saved(member_client, member):
    member_client.post(reverse("safety:plan"), form_data(reasons="Pep\u202eper\nthe\u2066 dog"))
    plan = open_row(SafetyPlan.objects.get(owner=member))
    assert plan.items("reasons") == ["Pepper", "the dog"]
