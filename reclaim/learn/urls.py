from django.urls import path

from . import views

app_name = "learn"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.lesson, name="lesson"),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/finish/", views.finish, name="finish"),
    path("<slug:slug>/unfinish/", views.unfinish, name="unfinish"),
]
