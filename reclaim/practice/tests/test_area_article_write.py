"""Writing and changing an article in the practice area."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Pil

from reclaim.practice.models import Article, AuditEntry, OldSlug
from reclaim.testing import html

from .area_makers import article, topic

NEW = reverse("practice:article_new")


def _jpeg(width: int = 64, height: int = 48) -> SimpleUploadedFile:
    out = io.BytesIO()
    Pil.new("RGB", (width, height), "#b0603a").save(out, "JPEG")
    return SimpleUploadedFile("cover.jpg", out.getvalue(), "image/jpeg")


def _form(**fields) -> dict:
    data = {
        "title": "Anger after an affair",
        "slug": "",
        "summary": "It makes sense.",
        "body": "## It makes sense\n\nYour anger is *real*.",
        "cover_alt": "",
        "publish_at": "",
        "intent": "save",
    }
    data.update(fields)
    return data


def test_it_saves_a_new_article_as_a_draft_with_an_address_from_its_title(
    practitioner_client, practitioner
):
    trust = topic(practitioner)
    response = practitioner_client.post(NEW, _form(categories=[trust.pk]), follow=True)
    saved = Article.objects.get()
    assert saved.slug == "anger-after-an-affair"
    assert saved.status == Article.Status.DRAFT
    assert list(saved.categories.all()) == [trust]
    assert "<em>real</em>" in saved.body_html
    assert saved.reading_minutes == 1
    assert "Saved." in html.words(response)
    assert "This is a draft." in html.words(html.main(response))
    assert AuditEntry.objects.filter(action="article.create", actor=practitioner).exists()


def test_a_missing_title_gets_a_kind_message_and_keeps_everything_typed(
    practitioner_client, practitioner
):
    trust = topic(practitioner)
    response = practitioner_client.post(NEW, _form(title="", categories=[trust.pk]))
    assert response.status_code == 400
    assert "An article needs a title" in html.words(response)
    assert "Everything you typed is still here." in html.words(response)
    assert html.values(response, "body") == ["## It makes sense\n\nYour anger is *real*."]
    assert html.values(response, "summary") == ["It makes sense."]
    assert html.values(response, "categories") == [str(trust.pk)]
    assert not Article.objects.exists()


def test_a_cover_picture_is_kept_and_shown_with_its_size(practitioner_client):
    practitioner_client.post(NEW, _form(cover=_jpeg(), cover_alt="A calm lake"))
    saved = Article.objects.get()
    assert (saved.cover.width, saved.cover.height) == (64, 48)
    page = practitioner_client.get(reverse("practice:article_edit", args=[saved.pk]))
    img = html.one(html.main(page), "img")
    assert (img["width"], img["height"], img["alt"]) == ("64", "48", "A calm lake")
    assert img["src"] == reverse("media:image", args=[saved.cover.digest, "jpg"])


def test_a_picture_needs_a_description(practitioner_client):
    response = practitioner_client.post(NEW, _form(cover=_jpeg()))
    assert response.status_code == 400
    assert "describe the picture" in html.words(response).lower()
    assert not Article.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused_kindly_and_the_words_stay(practitioner_client):
    bad = SimpleUploadedFile("cover.jpg", b"not a picture", "image/jpeg")
    response = practitioner_client.post(NEW, _form(cover=bad, cover_alt="A lake"))
    assert response.status_code == 400
    words = html.words(response)
    assert "doesn't look like a picture" in words
    assert "would need choosing again" in words
    assert html.values(response, "title") == ["Anger after an affair"]
    assert html.values(response, "cover_alt") == ["A lake"]
    assert not Article.objects.exists()


def test_the_cover_can_be_removed(practitioner_client):
    practitioner_client.post(NEW, _form(cover=_jpeg(), cover_alt="A calm lake"))
    saved = Article.objects.get()
    url = reverse("practice:article_edit", args=[saved.pk])
    practitioner_client.post(url, _form(remove_cover="on", cover_alt="A calm lake"))
    saved.refresh_from_db()
    assert saved.cover is None and saved.cover_alt == ""


def test_a_published_articles_new_address_keeps_the_old_one_working(
    practitioner_client, practitioner
):
    live = article(practitioner, publish=True)
    url = reverse("practice:article_edit", args=[live.pk])
    practitioner_client.post(url, _form(title="The first weeks", slug="first-weeks"))
    live.refresh_from_db()
    assert live.slug == "first-weeks"
    assert list(OldSlug.objects.values_list("slug", flat=True)) == ["the-first-weeks"]


def test_an_address_another_article_has_or_had_is_refused_kindly(practitioner_client, practitioner):
    live = article(practitioner, publish=True)
    practitioner_client.post(
        reverse("practice:article_edit", args=[live.pk]), _form(title=live.title, slug="moved")
    )
    for taken in ("moved", "the-first-weeks"):
        response = practitioner_client.post(NEW, _form(slug=taken))
        assert response.status_code == 400
        assert "Another article uses (or used) that web address" in html.words(response)
        assert html.values(response, "slug") == [taken]
    assert Article.objects.count() == 1


def test_the_sites_own_addresses_cannot_be_used(practitioner_client):
    response = practitioner_client.post(NEW, _form(slug="feed"))
    assert "kept for the site itself" in html.words(response)
    assert not Article.objects.exists()


def test_any_practitioner_may_change_an_article_and_the_log_says_who(
    practitioner, django_user_model, practitioner_client
):
    colleague = django_user_model.objects.create_user(
        username="colleague", password="x-long-password", role="practitioner"
    )
    theirs = article(colleague)
    practitioner_client.post(
        reverse("practice:article_edit", args=[theirs.pk]), _form(title="Retitled")
    )
    theirs.refresh_from_db()
    assert theirs.title == "Retitled"
    assert theirs.author.user == colleague
    line = AuditEntry.objects.filter(action="article.change").get()
    assert line.actor == practitioner


def test_the_form_explains_how_to_format_words(practitioner_client):
    page = practitioner_client.get(NEW)
    help_box = html.one(html.main(page), "details#markdown-help")
    assert "How to format your words" in html.words(help_box)
    assert html.label_for(page, "body") == "Article"
    assert html.buttons(html.main(page))[:2] == ["Save draft", "Preview"]
