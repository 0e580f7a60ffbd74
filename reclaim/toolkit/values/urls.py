from django.urls import path

from . import views

app_name = "values"

urlpatterns = [
    path("", views.index, name="index"),
    path("sort/", views.sort, name="sort"),
    path("<uuid:sort_id>/", views.detail, name="detail"),
    path("<uuid:sort_id>/delete/", views.delete, name="delete"),
]
