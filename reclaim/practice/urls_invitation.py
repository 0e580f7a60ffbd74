"""The page an invited practitioner opens: /invitation/<token>/."""

from django.urls import path

from .views import invitation

app_name = "invitation"

urlpatterns = [
    path("<str:token>/", invitation.accept, name="accept"),
]
