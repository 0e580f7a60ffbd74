from django.urls import path

from . import views

app_name = "assessments"

# Mounted at "check/": a neutral prefix, since a URL shows in the browser's history.
urlpatterns = [
    path("", views.index, name="index"),
    path("reminders/", views.reminder_settings, name="reminder_settings"),
    path("reminders/<uuid:reminder_id>/close/", views.close_reminder, name="close_reminder"),
    path("result/<uuid:result_id>/", views.result, name="result"),
    path("result/<uuid:result_id>/delete/", views.result_delete, name="result_delete"),
    path("history/<slug:code>/", views.history, name="history"),
    path("<slug:code>/", views.take, name="take"),
]
