from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path("", views.today, name="today"),
]
