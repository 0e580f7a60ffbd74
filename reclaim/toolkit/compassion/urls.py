from django.urls import path

from . import views

app_name = "compassion"

urlpatterns = [
    path("", views.index, name="index"),
]
