from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("", views.index, name="index"),
    path("code/", views.check_code, name="check_code"),
    path("connect/", views.connect, name="connect"),
    path("<uuid:connection_id>/", views.connection, name="connection"),
    path("<uuid:connection_id>/disconnect/", views.disconnect, name="disconnect"),
    path("entries/<uuid:entry_id>/", views.entry, name="entry"),
    path("tools/<slug:module>/<uuid:entry_id>/", views.tool_entry, name="tool_entry"),
    path("suggestions/<uuid:suggestion_id>/", views.answer_suggestion, name="answer_suggestion"),
]
