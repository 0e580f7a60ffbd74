"""The account reads and writes the views call, checked for what is stored and seen."""

from __future__ import annotations

from django.test import Client

from conftest import PASSWORD
from reclaim.accounts import actions, queries
from reclaim.accounts.models import RecoveryCode

NEW_PASSWORD = "copper kettles hum beside the lake"


def test_a_member_without_a_situation_reads_as_nothing_told(member):
    assert queries.situation_details(member) == {}


def test_the_situation_reads_back_as_the_member_told_it(member, other_member):
    actions.do_save_situation(member, {"what": ["affair"], "discovered": "2026-01-02"})
    assert queries.situation_details(member) == {"what": ["affair"], "discovered": "2026-01-02"}
    assert queries.situation_details(other_member) == {}


def test_codes_left_counts_only_the_members_unused_codes(member, other_member):
    assert not queries.has_recovery_codes(member)
    codes = actions.do_make_recovery_codes(member)
    actions.do_make_recovery_codes(other_member)
    actions.do_use_recovery_code(member, codes[0])
    assert queries.has_recovery_codes(member)
    assert queries.recovery_codes_left(member) == len(codes) - 1


def test_a_member_is_found_by_username_whatever_its_case(member):
    assert queries.member_named(member.username.upper()) == member
    assert queries.member_named("nobody-by-this-name") is None


def test_recovering_sets_the_password_and_uses_the_code(member):
    codes = actions.do_make_recovery_codes(member)
    assert actions.do_recover_with_code(member, codes[0], NEW_PASSWORD)
    assert Client().login(username=member.username, password=NEW_PASSWORD)
    assert RecoveryCode.objects.filter(owner=member, used__isnull=False).count() == 1


def test_a_wrong_code_keeps_the_old_password_and_every_code(member):
    actions.do_make_recovery_codes(member)
    assert not actions.do_recover_with_code(member, "aaaa-bbbb-cccc", NEW_PASSWORD)
    assert Client().login(username=member.username, password=PASSWORD)
    assert not RecoveryCode.objects.filter(owner=member, used__isnull=False).exists()
