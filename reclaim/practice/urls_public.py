"""The public site: the practice's articles, profiles, feed and sitemap.

The front page itself is served at `/` by core, which asks this app for it
(see apps.ready and core.hooks.register_public_home).
"""

from django.urls import path

from .views import consultations_public as consult
from .views import public, webinars_public

app_name = "site"

urlpatterns = [
    path("articles/", public.articles, name="articles"),
    path("articles/feed/", public.feed, name="feed"),
    path("articles/topic/<slug:slug>/", public.topic, name="topic"),
    path("articles/<slug:slug>/", public.article, name="article"),
    path("practitioners/<slug:slug>/", public.practitioner, name="practitioner"),
    path("webinars/", webinars_public.webinars, name="webinars"),
    path("webinars/<slug:slug>/", webinars_public.webinar, name="webinar"),
    path("webinars/<slug:slug>/register/", webinars_public.register, name="webinar_register"),
    path(
        "webinars/<slug:slug>/check-your-email/",
        webinars_public.check_email,
        name="webinar_check_email",
    ),
    path(
        "webinars/<slug:slug>/confirm/<str:token>/",
        webinars_public.confirm,
        name="webinar_confirm",
    ),
    path("webinars/<slug:slug>/you/<str:token>/", webinars_public.place, name="webinar_place"),
    path(
        "webinars/<slug:slug>/you/<str:token>/cancel/",
        webinars_public.cancel,
        name="webinar_cancel",
    ),
    path(
        "webinars/<slug:slug>/calendar/<str:token>.ics",
        webinars_public.calendar,
        name="webinar_calendar",
    ),
    path("consultation/", consult.consultation, name="consultation"),
    path("consultation/sent/", consult.sent, name="consultation_sent"),
    path("consultation/confirm/<str:token>/", consult.confirm, name="consultation_confirm"),
    path("consultation/booking/<str:token>/", consult.booking_page, name="consultation_booking"),
    path(
        "consultation/booking/<str:token>/appointment.ics",
        consult.booking_calendar,
        name="consultation_calendar",
    ),
    path("consultation/booking/<str:token>/move/", consult.move, name="consultation_move"),
    path("consultation/booking/<str:token>/cancel/", consult.cancel, name="consultation_cancel"),
    path("consultation/<slug:slug>/", consult.times, name="consultation_times"),
    path("consultation/<slug:slug>/book/", consult.book, name="consultation_book"),
    path("sitemap.xml", public.sitemap, name="sitemap"),
    path("robots.txt", public.robots, name="robots"),
]
