from django.urls import path

from . import views

app_name = "boundaries"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<uuid:boundary_id>/", views.detail, name="detail"),
    path("<uuid:boundary_id>/edit/", views.edit, name="edit"),
    path("<uuid:boundary_id>/delete/", views.delete, name="delete"),
    path("<uuid:boundary_id>/log/", views.log_new, name="log_new"),
    path("log/<uuid:occasion_id>/edit/", views.log_edit, name="log_edit"),
    path("log/<uuid:occasion_id>/delete/", views.log_delete, name="log_delete"),
]
