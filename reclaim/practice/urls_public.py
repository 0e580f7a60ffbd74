"""The public site: the practice's articles, profiles, feed and sitemap.

The front page itself is served at `/` by core, which asks this app for it
(see apps.ready and core.hooks.register_public_home).
"""

app_name = "site"

urlpatterns: list = []
