"""The practice area at /practice/: a practitioner's workspace."""

app_name = "practice"

urlpatterns: list = []
