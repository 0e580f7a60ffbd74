"""The practice area at /practice/: a practitioner's workspace."""

from django.urls import path

from .views import area, clients, webinars_area
from .views import consultations_area as consult

app_name = "practice"

urlpatterns = [
    path("", area.index, name="index"),
    path("articles/", area.article_list, name="articles"),
    path("articles/new/", area.article_new, name="article_new"),
    path("articles/preview/", area.preview, name="preview"),
    path("articles/<int:pk>/", area.article_edit, name="article_edit"),
    path("articles/<int:pk>/unpublish/", area.article_unpublish, name="article_unpublish"),
    path("articles/<int:pk>/delete/", area.article_delete, name="article_delete"),
    path("topics/", area.categories, name="categories"),
    path("topics/<int:pk>/", area.category_edit, name="category_edit"),
    path("topics/<int:pk>/delete/", area.category_delete, name="category_delete"),
    path("webinars/", webinars_area.webinar_list, name="webinars"),
    path("webinars/new/", webinars_area.webinar_new, name="webinar_new"),
    path("webinars/<int:pk>/", webinars_area.webinar_edit, name="webinar_edit"),
    path("webinars/<int:pk>/publish/", webinars_area.webinar_publish, name="webinar_publish"),
    path("webinars/<int:pk>/cancel/", webinars_area.webinar_cancel, name="webinar_cancel"),
    path("webinars/<int:pk>/people/", webinars_area.webinar_people, name="webinar_people"),
    path("webinars/<int:pk>/export.csv", webinars_area.webinar_export, name="webinar_export"),
    path("profile/", area.profile, name="profile"),
    path("clients/", clients.client_list, name="clients"),
    path("clients/<uuid:client_id>/", clients.client_detail, name="client"),
    path("clients/<uuid:client_id>/suggest/", clients.client_suggest, name="client_suggest"),
    path("clients/<uuid:client_id>/pdf/", clients.client_pdf, name="client_pdf"),
    path(
        "clients/<uuid:client_id>/alerts/seen/",
        clients.client_alerts_seen,
        name="client_alerts_seen",
    ),
    path(
        "clients/<uuid:client_id>/notes/<uuid:note_id>/delete/",
        clients.client_note_delete,
        name="client_note_delete",
    ),
    path("availability/", consult.availability, name="availability"),
    path(
        "availability/hours/<int:pk>/remove/",
        consult.availability_remove_hours,
        name="availability_remove_hours",
    ),
    path(
        "availability/dates/<int:pk>/remove/",
        consult.availability_remove_change,
        name="availability_remove_change",
    ),
    path("bookings/", consult.bookings, name="bookings"),
    path("bookings/feed/", consult.calendar_feed_renew, name="calendar_feed_renew"),
    path("bookings/<uuid:pk>/cancel/", consult.booking_cancel, name="booking_cancel"),
    path("calendar/<str:token>/", consult.calendar_feed_file, name="calendar_feed"),
]
