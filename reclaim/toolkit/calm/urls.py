from django.urls import path

from . import views

app_name = "calm"

urlpatterns = [
    path("", views.index, name="index"),
    path("ground/", views.grounding, name="grounding"),
    path("ground/<uuid:pk>/", views.grounding_detail, name="grounding_detail"),
    path("ground/<uuid:pk>/delete/", views.grounding_delete, name="grounding_delete"),
    path("breathe/", views.breathe, name="breathe"),
    path("park/", views.park, name="park"),
    path("thoughts/rested/", views.rested, name="rested"),
    path("thoughts/<uuid:pk>/", views.thought, name="thought"),
    path("thoughts/<uuid:pk>/done/", views.thought_done, name="thought_done"),
    path("thoughts/<uuid:pk>/park/", views.thought_repark, name="thought_repark"),
    path("thoughts/<uuid:pk>/delete/", views.thought_delete, name="thought_delete"),
    path("settings/", views.calm_settings, name="settings"),
]
