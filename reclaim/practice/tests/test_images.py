"""Uploaded pictures: checked, re-drawn without hidden details, and served so they are cached for good."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Pil

from reclaim.practice import images
from reclaim.practice.images import ImageRejected, store_image
from reclaim.practice.models import Image

GPS_IFD = 0x8825


def picture(
    width: int = 40, height: int = 30, fmt: str = "JPEG", mode: str = "RGB", exif=None
) -> SimpleUploadedFile:
    out = io.BytesIO()
    made = Pil.new(mode, (width, height), "#3f6b5a" if mode == "RGB" else None)
    extra = {"exif": exif} if exif is not None else {}
    made.save(out, fmt, **extra)
    return SimpleUploadedFile(f"photo.{fmt.lower()}", out.getvalue(), f"image/{fmt.lower()}")


def located_exif() -> Pil.Exif:
    exif = Pil.Exif()
    exif[0x010F] = "PhoneMaker"  # the camera's maker
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, 40.0)}
    return exif


def test_where_a_photo_was_taken_is_gone_from_what_is_kept(practitioner):
    upload = picture(exif=located_exif())
    assert Pil.open(io.BytesIO(upload.read())).getexif().get_ifd(GPS_IFD)  # it was there
    upload.seek(0)
    stored = store_image(upload, practitioner)
    kept = Pil.open(io.BytesIO(bytes(stored.data)))
    assert not kept.getexif()
    assert "exif" not in kept.info
    assert b"PhoneMaker" not in bytes(stored.data)


def test_it_keeps_the_size_the_page_needs_and_narrows_wide_pictures(practitioner):
    small = store_image(picture(40, 30), practitioner)
    assert (small.width, small.height) == (40, 30)
    wide = store_image(picture(3200, 1000), practitioner)
    assert (wide.width, wide.height) == (images.MAX_WIDTH, 500)
    assert Pil.open(io.BytesIO(bytes(wide.data))).size == (wide.width, wide.height)
    assert wide.content_type == "image/jpeg"


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_it_accepts_png_webp_and_gif(practitioner, fmt):
    stored = store_image(picture(fmt=fmt), practitioner)
    assert stored.content_type in ("image/jpeg", "image/png")
    assert (stored.width, stored.height) == (40, 30)


def test_a_see_through_picture_stays_see_through(practitioner):
    stored = store_image(picture(fmt="PNG", mode="RGBA"), practitioner)
    assert stored.content_type == "image/png"
    assert Pil.open(io.BytesIO(bytes(stored.data))).mode == "RGBA"


def test_the_same_picture_twice_is_kept_once(practitioner):
    first = store_image(picture(), practitioner)
    again = store_image(picture(), practitioner)
    assert first.pk == again.pk
    assert Image.objects.count() == 1


def test_a_file_that_is_not_a_picture_gets_a_kind_message(practitioner):
    upload = SimpleUploadedFile("notes.jpg", b"%PDF-1.4 not a picture at all", "image/jpeg")
    with pytest.raises(ImageRejected) as rejected:
        store_image(upload, practitioner)
    assert "doesn't look like a picture" in rejected.value.message
    assert "still here" in rejected.value.message
    assert Image.objects.count() == 0


def test_a_file_over_the_limit_gets_a_kind_message(practitioner, monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 100)
    with pytest.raises(ImageRejected) as rejected:
        store_image(picture(200, 200), practitioner)
    assert "larger than" in rejected.value.message


def test_a_picture_claiming_too_many_pixels_is_refused_before_it_is_decoded(
    practitioner, monkeypatch
):
    monkeypatch.setattr(images, "MAX_PIXELS", 100)
    with pytest.raises(ImageRejected) as rejected:
        store_image(picture(20, 20), practitioner)
    assert "more pixels" in rejected.value.message


def _url(stored: Image) -> str:
    return reverse("media:image", args=[stored.digest, images.extension_of(stored)])


def test_a_picture_is_served_to_anyone_as_the_picture_it_is(client, practitioner):
    stored = store_image(picture(), practitioner)
    response = client.get(_url(stored))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response.content == bytes(stored.data)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{stored.digest}"'
    assert not response.cookies


# core's PrivacyMiddleware answers every response with no-store until the
# public site's branch lets a view keep its own caching (merge note in the
# report); strict, so this marker fails, and is removed, once it does.
def test_a_picture_may_be_kept_by_browsers_and_caches_for_good(client, practitioner):
    stored = store_image(picture(), practitioner)
    response = client.get(_url(stored))
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_browser_that_has_it_already_gets_not_modified(client, practitioner):
    stored = store_image(picture(), practitioner)
    response = client.get(_url(stored), HTTP_IF_NONE_MATCH=f'"{stored.digest}"')
    assert response.status_code == 304
    assert response.content == b""


def test_an_unknown_picture_or_the_wrong_extension_is_not_found(client, practitioner):
    stored = store_image(picture(), practitioner)
    assert client.get(reverse("media:image", args=["0" * 64, "jpg"])).status_code == 404
    assert client.get(reverse("media:image", args=[stored.digest, "png"])).status_code == 404
