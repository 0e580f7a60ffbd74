from django.urls import path

from . import views

app_name = "options"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/delete/", views.delete, name="delete"),
]
