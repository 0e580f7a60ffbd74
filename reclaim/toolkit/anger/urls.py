from django.urls import path

from . import views

app_name = "anger"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("why/", views.why, name="why"),
    path("cool-down/", views.cool_down, name="cool_down"),
    path("<uuid:pk>/saved/", views.saved, name="saved"),
    path("<uuid:pk>/edit/", views.edit, name="edit"),
    path("<uuid:pk>/delete/", views.delete, name="delete"),
]
