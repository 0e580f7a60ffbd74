"""The public site: the practice's articles, profiles, feed and sitemap.

The front page itself is served at `/` by core, which asks this app for it
(see apps.ready and core.hooks.register_public_home).
"""

from django.urls import path

from .views import public

app_name = "site"

urlpatterns = [
    path("articles/", public.articles, name="articles"),
    path("articles/feed/", public.feed, name="feed"),
    path("articles/topic/<slug:slug>/", public.topic, name="topic"),
    path("articles/<slug:slug>/", public.article, name="article"),
    path("practitioners/<slug:slug>/", public.practitioner, name="practitioner"),
    path("sitemap.xml", public.sitemap, name="sitemap"),
    path("robots.txt", public.robots, name="robots"),
]
