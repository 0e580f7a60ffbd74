from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path("", views.today, name="today"),
    path("progress/", views.progress, name="progress"),
    path("summary/", views.summary, name="summary"),
]
