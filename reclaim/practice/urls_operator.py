"""The operator's pages at /operator/: invitations and the audit log."""

from django.urls import path

from .views import operator

app_name = "operator"

urlpatterns = [
    path("", operator.index, name="index"),
    path("invitations/", operator.invitation_list, name="invitations"),
    path("invitations/<int:invitation_id>/withdraw/", operator.revoke, name="revoke"),
    path("audit/", operator.audit, name="audit"),
]
