from django.urls import path

from . import views

app_name = "sayno"

urlpatterns = [
    path("", views.index, name="index"),
]
