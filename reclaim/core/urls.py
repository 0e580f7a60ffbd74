from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("exit/", views.quick_exit, name="exit"),
    path("lock/", views.lock, name="lock"),
    path("still-here/", views.still_here, name="still_here"),
    path("health/", views.health, name="health"),
    path("privacy/", views.privacy, name="privacy"),
]
