from datetime import date

from reclaim.toolkit.worth import queries


def test_evidence_count_counts_only_the_members_own(member, other_member, add_evidence):
    assert queries.evidence_count(member) == 0
    add_evidence(member, "One", date(2026, 1, 1))
    add_evidence(member, "Two", date(2026, 1, 2))
    add_evidence(other_member, "Theirs", date(2026, 1, 2))
    assert queries.evidence_count(member) == 2


def test_there_is_no_reminder_without_an_earlier_piece(member, add_evidence):
    add_evidence(member, "Today only", date(2026, 5, 1))
    assert queries.reminder(member, date(2026, 5, 1)) is None
    assert queries.reminder(member, date(2026, 5, 2)).text == "Today only"
