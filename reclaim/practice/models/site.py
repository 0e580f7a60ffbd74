"""The public site's content: practitioners' profiles, articles, topics, pictures.

All of it is written to be public (once published or listed).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone


class Image(models.Model):
    """An uploaded picture, re-encoded (EXIF gone) and kept in the database.

    Keeping the bytes in the database means several app servers serve the
    same pictures with no shared disk, and a backup of the database is a
    backup of the site. Its address carries the digest of its bytes, so it
    can be cached for ever.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.BinaryField()
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)


class Practitioner(models.Model):
    """A practitioner's public profile at /practitioners/<slug>/."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner_profile"
    )
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=200, blank=True)
    # Markdown, shown on the profile.
    approach = models.TextField(blank=True)
    # One area of work per line ("Betrayal trauma", "Couples after an affair").
    areas = models.TextField(blank=True)
    photo = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(max_length=200, blank=True)
    # When the practitioner reads messages and alerts, in their own words
    # ("Weekdays 9:00 to 17:00"); shown to a client before they switch risk alerts on.
    response_hours = models.CharField(max_length=200, blank=True)
    # A profile is public once its practitioner chose to show it.
    listed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name

    @property
    def area_list(self) -> list[str]:
        return [line.strip() for line in self.areas.splitlines() if line.strip()]


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet["Article"]):
    def live(self, now: datetime | None = None) -> ArticleQuerySet:
        """What a visitor may read: published, and its time has come."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    author = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=300, blank=True)
    # What the practitioner wrote (Markdown) and what visitors get (clean HTML,
    # rendered and sanitised once, on save).
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1)
    cover = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cover_alt = models.CharField(max_length=200, blank=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="articles")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    # When it goes (or went) live; a time in the future schedules it.
    publish_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-created"]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def is_live(self, now: datetime | None = None) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= (now or timezone.now())
        )


class OldSlug(models.Model):
    """An address an article had before its slug changed; it redirects."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(max_length=120, unique=True)
