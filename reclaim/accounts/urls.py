from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("welcome/", views.welcome, name="welcome"),
    path("welcome/<slug:step>/", views.welcome, name="welcome_step"),
    path("settings/", views.settings_view, name="settings"),
    path("settings/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("settings/delete-account/", views.delete_account, name="delete_account"),
    path("settings/export/", views.export, name="export"),
    path("settings/export/start/", views.export_start, name="export_start"),
    path(
        "settings/export/<uuid:export_id>/download/", views.export_download, name="export_download"
    ),
    path("recover/", views.recover, name="recover"),
    path("settings/sessions/<int:session_id>/end/", views.end_session, name="end_session"),
]
