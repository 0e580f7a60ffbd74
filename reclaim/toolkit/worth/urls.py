from django.urls import path

from . import views

app_name = "worth"

urlpatterns = [
    path("", views.index, name="index"),
]
