from django.urls import include, path

from reclaim.toolkit.urls import tool_urls

urlpatterns = [
    path("", include("reclaim.core.urls")),
    path("", include("reclaim.accounts.urls")),
    path("account/", include("allauth.urls")),
    path("checkin/", include("reclaim.checkins.urls")),
    path("journal/", include("reclaim.journal.urls")),
    path("check/", include("reclaim.assessments.urls")),
    path("today/", include("reclaim.progress.urls")),
    path("help/", include("reclaim.safety.urls")),
    path("tools/", include("reclaim.toolkit.urls")),
    path("tools/", include(tool_urls)),
    path("learn/", include("reclaim.learn.urls")),
    path("sharing/", include("reclaim.sharing.urls")),
    path("practice/", include("reclaim.practice.urls_area")),
    path("operator/", include("reclaim.practice.urls_operator")),
    path("media/", include("reclaim.practice.urls_media")),
    path("invitation/", include("reclaim.practice.urls_invitation")),
    path("", include("reclaim.practice.urls_public")),
]

handler404 = "reclaim.core.errors.not_found"
handler500 = "reclaim.core.errors.server_error"
# allauth answers its own rate limits with this page.
handler429 = "reclaim.core.errors.too_many_requests"
