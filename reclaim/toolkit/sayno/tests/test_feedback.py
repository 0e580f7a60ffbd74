"""The feedback rules, read against many real-sounding replies.

Each row is a reply and what a member should see about it: which rules are
met ("pass") and which offer a suggestion ("notice"). Rules a row does not
name are not asserted for it.
"""

from __future__ import annotations

import pytest

from reclaim.toolkit.sayno.feedback import (
    BRIEF_WORDS,
    LONG_WORDS,
    NOTICE,
    PASS,
    RULES,
    all_clear,
    check,
    reads_as_english,
)
from reclaim.toolkit.sayno.scenarios import SCENARIOS

P, N = PASS, NOTICE

# (name, reply, {rule code: expected state})
DRAFTS: list[tuple[str, str, dict[str, str]]] = [
    # Good replies: clear, brief, no apology.
    ("plain no", "No.", {"clear-no": P, "brief": P, "apology": P, "hedging": P}),
    ("not tonight", "Not tonight.", {"clear-no": P, "brief": P}),
    ("i wont", "I won't be coming to the dinner.", {"clear-no": P, "over-explaining": P}),
    ("not going to", "I'm not going to talk about it.", {"clear-no": P}),
    ("cant", "I can't do Saturday.", {"clear-no": P}),
    ("cannot", "I cannot help with that.", {"clear-no": P}),
    ("rather not", "I'd rather not.", {"clear-no": P}),
    ("not now", "Not now. Maybe we talk on Sunday.", {"clear-no": P, "hedging": N}),
    ("never", "Never. That is my answer.", {"clear-no": P}),
    ("decline", "I decline.", {"clear-no": P}),
    ("pass", "I'll pass this time.", {"clear-no": P}),
    ("count me out", "Count me out.", {"clear-no": P}),
    ("nope", "Nope.", {"clear-no": P}),
    ("dont want", "I don't want to discuss it.", {"clear-no": P}),
    ("one reason", "No, because I need rest.", {"clear-no": P, "over-explaining": P}),
    (
        "kind and clear",
        "Thank you for asking. I won't be there.",
        {"clear-no": P, "kind": P, "apology": P, "handing-back": P},
    ),
    ("i understand", "I understand, and my answer is no.", {"clear-no": P, "kind": P}),
    ("i know", "I know this matters to you. No.", {"kind": P, "clear-no": P}),
    ("i love you", "I love you, and I'm not ready.", {"kind": P, "clear-no": P}),
    ("appreciate", "I appreciate the offer, but no.", {"kind": P, "clear-no": P}),
    ("kind of you", "That's kind of you, but no.", {"kind": P, "hedging": P}),
    ("no warmth is fine", "No.", {"kind": N}),
    # Over-explaining.
    (
        "because since",
        "I can't because I'm exhausted, and since the kids are sick I need to be home.",
        {"clear-no": P, "over-explaining": N},
    ),
    (
        "as and so",
        "No, as I have a lot on, so I need a quiet weekend.",
        {"over-explaining": N},
    ),
    (
        "three becauses",
        "No, because of work, because of the kids, and because I'm tired.",
        {"over-explaining": N},
    ),
    (
        "many sentences",
        "I won't go. The drive is long. The house will be full. I always end up "
        "cooking for everyone. My back hurts after those trips. Last time I was ill for days.",
        {"over-explaining": N, "clear-no": P},
    ),
    (
        "the reason is",
        "No. The reason is that I need space, which is why I'm staying home.",
        {"over-explaining": N},
    ),
    ("as a word is not a reason", "No. I'm as sure as I can be.", {"over-explaining": P}),
    ("so tired is not a reason", "No, I'm so tired.", {"over-explaining": P}),
    # Apologising for a need.
    ("sorry", "Sorry, but no.", {"apology": N, "clear-no": P}),
    ("so sorry", "I'm so sorry, I can't.", {"apology": N}),
    ("apologise", "I apologise, I won't be able to.", {"apology": N}),
    ("apologize us", "I apologize, but I can't.", {"apology": N}),
    ("forgive me", "Forgive me, but not this time.", {"apology": N}),
    ("feel bad", "I feel bad saying this, but no.", {"apology": N}),
    ("feel guilty", "I feel guilty, but I'm not coming.", {"apology": N}),
    ("hate to", "I hate to say no, but no.", {"apology": N}),
    ("dont be mad", "Please don't be mad, but I won't.", {"apology": N}),
    ("hope not upset", "I hope you're not upset. I'm staying home.", {"apology": N}),
    # Vague, or no no at all.
    ("i dont know", "I don't know.", {"clear-no": N}),
    ("i dont know maybe", "I don't know, maybe, I guess.", {"clear-no": N, "hedging": N}),
    ("we will see", "We'll see.", {"clear-no": N, "hedging": N}),
    ("no problem is a yes", "No problem, I'll do it.", {"clear-no": N}),
    ("no worries is a yes", "No worries at all.", {"clear-no": N}),
    ("not sure", "I'm not sure about that.", {"clear-no": N, "hedging": N}),
    ("dont mind", "I don't mind, whatever you want.", {"clear-no": N}),
    ("a yes", "Okay, fine, I'll come.", {"clear-no": N}),
    ("why not", "Why not.", {"clear-no": N}),
    # Hedging.
    ("maybe not", "Maybe not this time.", {"clear-no": P, "hedging": N}),
    ("i guess", "I guess I can't.", {"hedging": N}),
    ("kind of", "I kind of don't want to.", {"hedging": N, "clear-no": P}),
    ("sort of", "It's sort of not a good time.", {"hedging": N}),
    ("if thats ok", "I won't come, if that's ok.", {"hedging": N, "clear-no": P}),
    ("a little", "I'm a little too tired, so no.", {"hedging": N}),
    ("probably not", "Probably not.", {"hedging": N}),
    # Handing the decision back.
    ("is that ok", "I'm not coming. Is that ok?", {"handing-back": N, "clear-no": P}),
    ("is that okay caps", "NOT THIS YEAR. IS THAT OKAY?", {"handing-back": N}),
    ("do you mind", "Do you mind if I skip it?", {"handing-back": N}),
    ("ok tag", "I'm staying home, ok?", {"handing-back": N}),
    ("does that make sense", "No. Does that make sense?", {"handing-back": N}),
    ("is that fair", "I won't lend it. Is that fair?", {"handing-back": N}),
    ("full stop keeps it", "No. I'm staying home.", {"handing-back": P}),
    # Spelling, capitals, punctuation, symbols.
    ("all caps", "NO. ABSOLUTELY NOT.", {"clear-no": P, "brief": P}),
    ("no punctuation", "no i wont be there", {"clear-no": P}),
    ("dont without apostrophe", "i dont want to", {"clear-no": P}),
    ("curly apostrophe", "I won’t be there.", {"clear-no": P}),
    ("curly sorry", "I’m sorry, I can’t.", {"apology": N, "clear-no": P}),
    ("emoji", "No 🙂", {"clear-no": P, "brief": P}),
    ("emoji heart", "Not this time ❤️", {"clear-no": P, "kind": P}),
    ("emoji only", "🙅", {"clear-no": N, "brief": P}),
    ("tabs and newlines", "\n\tNo.\n\n  Not today.\t", {"clear-no": P}),
    ("numbers", "No. 100% no.", {"clear-no": P}),
]


def _states(reply: str) -> dict[str, str]:
    return {finding.code: finding.state for finding in check(reply)}


@pytest.mark.parametrize(("reply", "expected"), [d[1:] for d in DRAFTS], ids=[d[0] for d in DRAFTS])
def test_each_reply_gets_the_feedback_a_reader_would_expect(reply, expected):
    states = _states(reply)
    assert {code: states.get(code) for code in expected} == expected


def test_the_table_holds_at_least_sixty_replies():
    assert len(DRAFTS) + len(OTHER_LANGUAGES) + 3 >= 60
    assert len(DRAFTS) >= 60


def test_a_clear_short_reply_is_all_clear_without_any_warmth():
    findings = check("No.")
    assert all_clear(findings)
    assert next(f for f in findings if f.code == "kind").state == NOTICE


def test_an_apologetic_hedge_is_not_all_clear():
    assert not all_clear(check("Sorry, maybe later?"))


def test_every_rule_answers_for_an_english_reply_in_a_fixed_order():
    codes = [finding.code for finding in check("No, thank you.")]
    assert codes == [
        "clear-no",
        "brief",
        "over-explaining",
        "apology",
        "hedging",
        "handing-back",
        "kind",
    ]


@pytest.mark.parametrize("reply", ["", "   ", "\n\n\t ", None])
def test_an_empty_reply_gets_one_gentle_line(reply):
    findings = check(reply)
    assert [f.code for f in findings] == ["empty"]
    assert "“No.”" in findings[0].sentence
    assert not all_clear(findings)


def test_brief_counts_words_against_the_thresholds_it_explains():
    def brief(n: int):
        return next(f for f in check(" ".join(["no"] * n)) if f.code == "brief")

    assert brief(BRIEF_WORDS).state == PASS
    assert f"{BRIEF_WORDS} words" in brief(BRIEF_WORDS).sentence
    assert brief(BRIEF_WORDS + 1).state == NOTICE
    assert "try a shorter version" in brief(BRIEF_WORDS + 1).sentence
    assert "keep the sentence with your no" in brief(LONG_WORDS + 1).sentence
    assert "1 word:" in brief(1).sentence


def test_five_thousand_characters_are_read_without_trouble():
    reply = ("No, I won't, because I am tired and sorry. " * 200)[:5000]
    assert len(reply) == 5000
    states = _states(reply)
    assert states["brief"] == NOTICE
    assert states["over-explaining"] == NOTICE
    assert states["apology"] == NOTICE
    assert states["clear-no"] == PASS


# Replies in other languages: nothing crashes, and the feedback says plainly
# that the rules read English best, without claiming there is no no.
OTHER_LANGUAGES = [
    ("spanish", "No, gracias. Ahora no puedo hablar de esto."),
    ("spanish accents", "No, gracias. Todavía no estoy lista para hablar."),
    ("german", "Nein, danke. Ich möchte heute nicht darüber reden."),
    ("polish", "Nie, dziękuję. Nie chcę o tym rozmawiać."),
    ("cyrillic", "Нет, спасибо. Я не хочу об этом говорить."),
    ("arabic", "لا، شكرا. لا أريد التحدث عن هذا الآن."),
    ("chinese", "不，谢谢。我现在不想谈这个。"),
    ("french", "Non, merci. Je ne veux pas en parler ce soir."),
]


@pytest.mark.parametrize(
    "reply", [r for _, r in OTHER_LANGUAGES], ids=[n for n, _ in OTHER_LANGUAGES]
)
def test_other_languages_get_a_plain_note_that_the_rules_read_english_best(reply):
    findings = check(reply)
    assert findings[0].code == "language"
    assert "read English best" in findings[0].sentence
    assert findings[0].optional
    clear_no = next(f for f in findings if f.code == "clear-no")
    if clear_no.state == NOTICE:
        assert "counts just the same" in clear_no.sentence


@pytest.mark.parametrize(
    "reply",
    [
        "No, I won't tell José.",
        "Not this weekend, thanks. I'm staying in.",
        "No.",
        "Nope. Not happening.",
        "🙂",
    ],
)
def test_english_with_a_name_or_an_emoji_is_read_as_english(reply):
    assert reads_as_english(reply)
    assert check(reply)[0].code != "language"


def test_the_sentences_are_gentle_and_never_scold():
    replies = [d[1] for d in DRAFTS] + [r for _, r in OTHER_LANGUAGES] + [""]
    harsh = ("wrong", "bad reply", "fail", "should not", "shouldn't", "must", "mistake", "weak")
    for reply in replies:
        for finding in check(reply):
            assert not any(word in finding.sentence.casefold() for word in harsh), finding


def test_the_advice_on_reasons_says_a_no_needs_no_defence():
    finding = next(f for f in check("No, because, since, because.") if f.code == "over-explaining")
    assert finding.state == NOTICE
    assert "You could keep it to one reason, or none: a no does not need a defence." in (
        finding.sentence
    )


def test_what_was_spotted_is_named_so_the_member_can_see_why():
    apology = next(f for f in check("Sorry, I feel bad, no.") if f.code == "apology")
    assert apology.found == ("sorry", "I feel bad")
    assert "“sorry” and “I feel bad”" in apology.sentence


def test_every_rule_the_feedback_uses_is_explained_on_the_rules_page():
    explained = {rule.code for rule in RULES}
    used = {f.code for reply in ("No.", "Нет", "") for f in check(reply)} - {"empty"}
    assert used <= explained
    assert next(rule for rule in RULES if rule.code == "kind").optional


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.code)
def test_every_example_reply_meets_the_rules_it_teaches(scenario):
    assert all_clear(check(scenario.example)), scenario.code


def test_scenario_codes_are_unique_and_there_are_at_least_twelve():
    codes = [s.code for s in SCENARIOS]
    assert len(codes) == len(set(codes))
    assert len([s for s in SCENARIOS if s.code != "own"]) >= 12


def test_scenarios_say_your_partner_never_a_gendered_word():
    for scenario in SCENARIOS:
        words = f"{scenario.situation} {scenario.they_say} {scenario.example}".casefold()
        for gendered in ("husband", "wife", "boyfriend", "girlfriend", " he ", " she "):
            assert gendered not in f" {words} ", scenario.code
