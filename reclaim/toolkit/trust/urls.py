from django.urls import path

from . import views

app_name = "trust"

urlpatterns = [
    path("", views.index, name="index"),
    path("agreements/new/", views.agreement_new, name="agreement_new"),
    path("agreements/<uuid:agreement_id>/", views.agreement_detail, name="agreement"),
    path("agreements/<uuid:agreement_id>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<uuid:agreement_id>/retire/", views.agreement_retire, name="agreement_retire"),
    path("agreements/<uuid:agreement_id>/delete/", views.agreement_delete, name="agreement_delete"),
    path("notes/new/", views.observation_new, name="observation_new"),
    path("notes/<uuid:observation_id>/edit/", views.observation_edit, name="observation_edit"),
    path(
        "notes/<uuid:observation_id>/delete/",
        views.observation_delete,
        name="observation_delete",
    ),
]
