from django.urls import path

from . import views

app_name = "compassion"

urlpatterns = [
    path("", views.index, name="index"),
    path("break/", views.take_break, name="break"),
    path("breaks/", views.break_list, name="list"),
    path("breaks/<uuid:pk>/", views.break_detail, name="detail"),
    path("breaks/<uuid:pk>/delete/", views.break_delete, name="delete"),
]
