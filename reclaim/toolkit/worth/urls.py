from django.urls import path

from . import views

app_name = "worth"

urlpatterns = [
    path("", views.index, name="index"),
    path("evidence/", views.evidence_list, name="evidence_list"),
    path("evidence/new/", views.evidence_new, name="evidence_new"),
    path("evidence/<uuid:evidence_id>/edit/", views.evidence_edit, name="evidence_edit"),
    path("evidence/<uuid:evidence_id>/delete/", views.evidence_delete, name="evidence_delete"),
    path("item/<uuid:item_id>/edit/", views.item_edit, name="item_edit"),
    path("item/<uuid:item_id>/delete/", views.item_delete, name="item_delete"),
    path("<slug:segment>/", views.item_list, name="item_list"),
    path("<slug:segment>/new/", views.item_new, name="item_new"),
]
