"""The operator's pages at /operator/: invitations and the audit log."""

app_name = "operator"

urlpatterns: list = []
