"""Uploaded pictures at /media/ (views.media)."""

from django.urls import path

from .views import media

app_name = "media"

urlpatterns = [
    path("<str:digest>.<str:ext>", media.image, name="image"),
]
