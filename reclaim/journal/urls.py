from django.urls import path

from . import views

app_name = "journal"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("new/", views.entry_new, name="new"),
    path("prompts/", views.prompt_list, name="prompts"),
    path("draft/", views.draft_save, name="draft"),
    path("draft/<uuid:draft_id>/discard/", views.draft_discard, name="discard_draft"),
    path("<uuid:entry_id>/", views.entry_detail, name="detail"),
    path("<uuid:entry_id>/edit/", views.entry_edit, name="edit"),
    path("<uuid:entry_id>/delete/", views.entry_delete, name="delete"),
]
