from urllib.parse import urlparse

from django.urls import reverse

from reclaim.checkins.models import CheckIn


def url(checkin):
    return reverse("checkins:delete", args=[checkin.pk])


def test_it_sends_anonymous_visitors_to_sign_in(client, checkin):
    for response in (client.get(url(checkin)), client.post(url(checkin))):
        assert response.status_code == 302
        assert urlparse(response["Location"]).path == reverse("account_login")
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


def test_it_rejects_another_members_checkin(other_client, checkin):
    assert other_client.get(url(checkin)).status_code == 404
    assert other_client.post(url(checkin)).status_code == 404
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


def test_it_asks_before_deleting(member_client, checkin):
    response = member_client.get(url(checkin))
    assert response.status_code == 200
    assert "cannot be undone" in response.content.decode()
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


def test_it_deletes_the_checkin_and_says_so(member_client, checkin):
    response = member_client.post(url(checkin), follow=True)
    assert not CheckIn.objects.filter(pk=checkin.pk).exists()
    assert "That check-in is deleted." in response.content.decode()
