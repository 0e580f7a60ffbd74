from django.urls import path

from . import views

app_name = "anger"

urlpatterns = [
    path("", views.index, name="index"),
]
