from django.urls import path

from . import views

app_name = "boundaries"

urlpatterns = [
    path("", views.index, name="index"),
]
