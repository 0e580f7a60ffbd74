from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.sayno.feedback import APOLOGIES, BRIEF_WORDS, REFUSALS, RULES


def test_every_rule_is_explained_in_plain_words_with_its_word_list(member_client):
    page = member_client.get(reverse("sayno:how"))
    assert page.status_code == 200
    assert html.title(page).startswith("Tools ·")
    main = html.main(page)
    for rule in RULES:
        assert html.one(main, f"#rule-{rule.code}")
    assert f"Up to {BRIEF_WORDS} words counts as brief" in html.words(main)
    listed = [html.words(item) for item in html.select(main, "li")]
    for word in ("sorry", "I feel bad"):
        assert word in APOLOGIES and word in listed
    assert "won't" in REFUSALS and "won't" in listed


def test_it_says_kindness_never_counts_against_a_reply(member_client):
    text = html.words(html.main(member_client.get(reverse("sayno:how"))))
    assert "never counts against you" in text
    assert "The word lists are English" in text
