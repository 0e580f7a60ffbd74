from django.urls import path

from . import views

app_name = "calm"

urlpatterns = [
    path("", views.index, name="index"),
]
