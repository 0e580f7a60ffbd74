import time

from django.urls import reverse

from reclaim.checkins.models import CheckIn
from reclaim.vault.fields import open_row

from .helpers import posted


def test_a_checkin_sent_after_the_app_locked_is_kept(member_client, member):
    member.autolock_minutes = 1
    member.save()
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 120
    session.save()
    response = member_client.post(reverse("checkins:new"), posted(note="Do not lose me."))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert open_row(CheckIn.objects.get(owner=member)).note == "Do not lose me."


def test_an_unfinished_checkin_sent_after_the_app_locked_is_not_guessed(member_client, member):
    member.autolock_minutes = 1
    member.save()
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 120
    session.save()
    member_client.post(reverse("checkins:new"), posted(mood="99"))
    assert not CheckIn.objects.exists()
