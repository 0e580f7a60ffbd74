from django.urls import path

from . import views

app_name = "sayno"

urlpatterns = [
    path("", views.index, name="index"),
    path("how-it-works/", views.how_it_works, name="how"),
    path("practise/<slug:code>/", views.practise, name="practise"),
    path("practice/", views.practice_list, name="practice_list"),
    path("practice/<uuid:pk>/", views.practice_detail, name="practice_detail"),
    path("practice/<uuid:pk>/delete/", views.practice_delete, name="practice_delete"),
    path("log/", views.real_list, name="real_list"),
    path("log/new/", views.real_new, name="real_new"),
    path("log/<uuid:pk>/edit/", views.real_edit, name="real_edit"),
    path("log/<uuid:pk>/delete/", views.real_delete, name="real_delete"),
]
