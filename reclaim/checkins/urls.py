from django.urls import path

from . import views

app_name = "checkins"

urlpatterns = [
    path("", views.new, name="new"),
    path("history/", views.history, name="history"),
    path("triggers/", views.own_triggers, name="triggers"),
    path("<uuid:pk>/saved/", views.saved, name="saved"),
    path("<uuid:pk>/edit/", views.edit, name="edit"),
    path("<uuid:pk>/delete/", views.delete, name="delete"),
]
