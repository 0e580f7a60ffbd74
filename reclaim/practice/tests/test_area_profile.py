"""The practitioner's own public profile."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Pil

from reclaim.practice.models import AuditEntry, Practitioner
from reclaim.testing import html

PROFILE = reverse("practice:profile")


def _form(**fields) -> dict:
    data = {
        "name": "Jordan Ellis",
        "slug": "",
        "credentials": "Counsellor, twelve years with couples",
        "approach": "I go at *your* pace.",
        "areas": "Betrayal trauma\n\n  Rebuilding trust \n",
        "photo_alt": "",
    }
    data.update(fields)
    return data


def test_a_new_profile_starts_with_the_account_name_and_hidden(practitioner_client):
    page = practitioner_client.get(PROFILE)
    assert html.values(page, "name") == ["practitioner"]
    assert html.values(page, "listed") == []
    assert "It stays hidden until you choose to show it." in html.words(html.main(page))


def test_the_profile_is_saved_tidied_and_listed_when_asked(practitioner, practitioner_client):
    response = practitioner_client.post(PROFILE, _form(listed="on"), follow=True)
    saved = Practitioner.objects.get(user=practitioner)
    assert saved.slug == "jordan-ellis"
    assert saved.area_list == ["Betrayal trauma", "Rebuilding trust"]
    assert saved.listed
    assert "Your profile is saved." in html.words(response)
    assert AuditEntry.objects.filter(action="profile.change", actor=practitioner).exists()


def test_the_practitioner_sets_their_own_clock_and_the_hours_page_says_so(
    practitioner, practitioner_client
):
    practitioner_client.post(PROFILE, _form(zone="Asia/Kolkata"))
    practitioner.refresh_from_db()
    assert practitioner.timezone == "Asia/Kolkata"
    hours = practitioner_client.get(reverse("practice:availability"))
    assert "Asia/Kolkata" in html.words(html.main(hours))
    assert html.values(practitioner_client.get(PROFILE), "zone") == ["Asia/Kolkata"]


def test_an_unknown_time_zone_is_refused_kindly_and_the_clock_stays(
    practitioner, practitioner_client
):
    before = practitioner.timezone
    response = practitioner_client.post(PROFILE, _form(zone="Mars/Olympus"))
    practitioner.refresh_from_db()
    assert response.status_code == 400
    assert "We do not know that time zone" in html.words(response)
    assert practitioner.timezone == before


def test_a_photo_is_kept_with_its_size_and_needs_a_description(practitioner_client):
    out = io.BytesIO()
    Pil.new("RGB", (120, 160), "#5468a8").save(out, "PNG")
    photo = SimpleUploadedFile("me.png", out.getvalue(), "image/png")
    response = practitioner_client.post(PROFILE, _form(photo=photo))
    assert response.status_code == 400
    assert "describe the picture" in html.words(response).lower()
    assert html.values(response, "credentials") == ["Counsellor, twelve years with couples"]
    photo.seek(0)
    practitioner_client.post(PROFILE, _form(photo=photo, photo_alt="Jordan, smiling"))
    img = html.one(html.main(practitioner_client.get(PROFILE)), "img")
    assert (img["width"], img["height"], img["alt"]) == ("120", "160", "Jordan, smiling")


def test_another_profiles_address_is_refused_kindly(
    practitioner, practitioner_client, django_user_model
):
    other = django_user_model.objects.create_user(username="sam", password="x", role="practitioner")
    Practitioner.objects.create(user=other, name="Sam", slug="sam")
    response = practitioner_client.post(PROFILE, _form(slug="sam"))
    assert response.status_code == 400
    assert "Another profile uses that web address." in html.words(response)
    assert html.values(response, "approach") == ["I go at *your* pace."]


def test_response_hours_are_kept_and_offered_again(practitioner, practitioner_client):
    practitioner_client.post(PROFILE, _form(response_hours="  Weekdays, 9:00 to 17:00 "))
    assert Practitioner.objects.get(user=practitioner).response_hours == "Weekdays, 9:00 to 17:00"
    again = practitioner_client.get(PROFILE)
    assert html.values(again, "response_hours") == ["Weekdays, 9:00 to 17:00"]
