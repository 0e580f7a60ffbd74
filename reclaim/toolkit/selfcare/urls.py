from django.urls import path

from . import views

app_name = "selfcare"

urlpatterns = [
    path("", views.index, name="index"),
    path("plan/", views.plan, name="plan"),
    path("plan/<uuid:activity_id>/edit/", views.activity_edit, name="activity_edit"),
    path("plan/<uuid:activity_id>/delete/", views.activity_delete, name="activity_delete"),
    path("log/<uuid:activity_id>/", views.log, name="log"),
    path("log/<uuid:done_id>/delete/", views.done_delete, name="done_delete"),
    path("week/", views.week, name="week"),
    path("week/<str:start>/", views.week, name="week_of"),
]
