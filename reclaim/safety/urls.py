from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("", views.help_now, name="help"),
    path("home-safety/", views.home_safety, name="home_safety"),
    path("plan/", views.plan, name="plan"),
    path("plan/print/", views.plan_print, name="plan_print"),
    path("record/", views.record, name="record"),
    path("record/<uuid:event_id>/delete/", views.record_delete, name="record_delete"),
    path("check/", views.check, name="check"),
    path("check/<uuid:event_id>/", views.check_result, name="check_result"),
    path("dismiss/", views.dismiss, name="dismiss"),
]
