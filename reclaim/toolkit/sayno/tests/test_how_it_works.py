from django.urls import reverse

from reclaim.toolkit.sayno.feedback import APOLOGIES, BRIEF_WORDS, REFUSALS, RULES


def test_every_rule_is_explained_in_plain_words_with_its_word_list(member_client):
    page = member_client.get(reverse("sayno:how"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<title>Tools ·" in html
    for rule in RULES:
        assert f'id="rule-{rule.code}"' in html
    assert f"Up to {BRIEF_WORDS} words counts as brief" in html
    for word in ("sorry", "I feel bad"):
        assert word in APOLOGIES and f'<li class="tag">{word}</li>' in html
    assert '<li class="tag">won&#x27;t</li>' in html and "won't" in REFUSALS


def test_it_says_kindness_never_counts_against_a_reply(member_client):
    html = member_client.get(reverse("sayno:how")).content.decode()
    assert "never counts against you" in html
    assert "The word lists are English" in html
