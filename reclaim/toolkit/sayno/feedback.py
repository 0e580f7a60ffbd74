"""Feedback on a practice no: plain rules a member can read for themselves.

Pure Python, no Django, so the rules are easy to test and to read. Every
word list below is shown, as it is, on the "How the feedback works" page:
what a member reads there is exactly what the code looks for.

The rules look at the shape of a reply (is there a no, how long is it, how
many reasons, any apology or hedge), not at its meaning. They read English
best, and say so when a reply seems to be written in another language.
Each finding is gentle: it says what was seen and offers a way, never a
verdict. Kindness is an option the member may take; it never counts against
a reply.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reclaim.core.text import listed

PASS = "pass"
NOTICE = "notice"

# Up to this many words, a reply counts as brief.
BRIEF_WORDS = 40
# Past this many, the feedback suggests keeping only the sentence with the no.
LONG_WORDS = 80
# Reasons: one is fine, two or more start to sound like a defence.
MOST_REASONS = 1
# Sentences of three words or more; past this many, a reply starts to explain itself.
MOST_SENTENCES = 4


@dataclass(frozen=True)
class Finding:
    code: str
    state: str  # PASS or NOTICE
    title: str
    sentence: str
    # True for a suggestion the member may take or leave (kindness, the language note).
    optional: bool = False
    found: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.state == PASS


@dataclass(frozen=True)
class Rule:
    """One rule as the "How the feedback works" page explains it."""

    code: str
    title: str
    looks_for: str
    why: str
    words: tuple[str, ...] = ()
    optional: bool = False


# ---------------------------------------------------------------- word lists
# Phrases are written the way a member reads them; `_phrase_pattern` turns
# each into a pattern that ignores case, spacing and a missing apostrophe
# ("dont" counts as "don't").

REFUSALS: tuple[str, ...] = (
    "no",
    "nope",
    "nah",
    "not",
    "never",
    "won't",
    "can't",
    "cannot",
    "don't",
    "doesn't",
    "didn't",
    "wouldn't",
    "shouldn't",
    "isn't",
    "aren't",
    "wasn't",
    "haven't",
    "I decline",
    "I'll pass",
    "count me out",
)

# Phrases with a "no" or "not" in them that do not refuse anything. They are
# set aside before looking for a no.
NOT_A_NO: tuple[str, ...] = (
    "I don't know",
    "I do not know",
    "not sure",
    "no problem",
    "not a problem",
    "no worries",
    "no worry",
    "no doubt",
    "no rush",
    "no big deal",
    "not at all",
    "why not",
    "don't mind",
    "do not mind",
    "wouldn't mind",
    "would not mind",
    "don't worry",
    "do not worry",
    "can't wait",
    "cannot wait",
    "can't thank",
    "not only",
    "doesn't matter",
    "no matter",
)

# The one phrase that gets its own gentle note when it stands in for a no.
UNSURE = ("I don't know", "I do not know")

REASONS: tuple[str, ...] = (
    "because",
    "since",
    "the reason",
    "that's why",
    "which is why",
    "due to",
    "given that",
)
# "as" and "so" are everywhere in English; they count as a reason only when a
# new clause follows ("as I am tired", "so that I can rest").
_CLAUSE = r"(?:i|i'?m|i'?ve|i'?d|i'?ll|we|you|it|it'?s|my|there|that|this|they|he|she)"
REASON_CLAUSES: tuple[tuple[str, str], ...] = (
    ("as (as in “as I…”, “as it…”)", rf"(?<![\w'])as\s+{_CLAUSE}(?![\w'])"),
    ("so (as in “so I…”, “so that…”)", rf"(?<![\w'])so\s+{_CLAUSE}(?![\w'])"),
)

APOLOGIES: tuple[str, ...] = (
    "sorry",
    "apologise",
    "apologize",
    "apologies",
    "forgive me",
    "I feel bad",
    "I feel so bad",
    "I feel terrible",
    "I feel awful",
    "I feel guilty",
    "I hate to",
    "I hate having to",
    "excuse me",
    "pardon me",
    "my bad",
    "don't be mad",
    "don't be angry",
    "don't be upset",
    "I hope you're not upset",
    "I hope you're not angry",
)

HEDGES: tuple[str, ...] = (
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "I guess",
    "I suppose",
    "kind of",
    "sort of",
    "kinda",
    "sorta",
    "I think",
    "a bit",
    "a little",
    "we'll see",
    "hopefully",
    "not sure",
    "if that's ok",
    "if that's okay",
    "if that's alright",
    "if that's all right",
    "if that's fine",
    "if it's ok",
    "if it's okay",
    "if you don't mind",
)

HANDING_BACK: tuple[str, ...] = (
    "is that ok",
    "is that okay",
    "is that alright",
    "is that all right",
    "is that fine",
    "is it ok",
    "is it okay",
    "is this ok",
    "is this okay",
    "would that be ok",
    "would that be okay",
    "would that be alright",
    "are you ok with that",
    "are you okay with that",
    "do you mind",
    "would you mind",
    "is that fair",
    "does that make sense",
    "can you understand",
    "can you accept that",
    "ok?",
    "okay?",
    "right?",
)

WARM: tuple[str, ...] = (
    "thank you",
    "thanks",
    "I understand",
    "I know",
    "I care",
    "I love",
    "love you",
    "I appreciate",
    "I hear you",
    "I see that",
    "I get that",
    "I get why",
    "kind of you",
    "means a lot",
    "I'm grateful",
    "I value",
    "take care",
    "with love",
    "I'm glad",
    "that sounds hard",
    "❤",
    "♥",
)

# Short, common English words; a reply with almost none of them is probably
# in another language.
_COMMON_WORDS = """i you me my mine it is the a an to and that this of in on for with be am are
    was will would can could do did not won't can't don't i'm i'll i'd i've it's
    that's your we us our have has about now want need going right thank thanks
    please but so what how just at as if or okay ok talk know feel yes time
    today tonight again more any one some there them they their he she him her
    who why when where here than then too very really ready"""
ENGLISH_COMMON = frozenset(_COMMON_WORDS.split())


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a whole-word pattern: any spacing, apostrophe optional."""
    parts = []
    for token in phrase.casefold().split():
        escaped = re.escape(token).replace("'", "'?")
        parts.append(escaped)
    body = r"\s+".join(parts)
    # Symbols (a heart) have no word edges to look for.
    if not phrase[0].isalnum() and phrase[0] != "'":
        return body
    end = r"(?![\w'])" if phrase[-1].isalnum() else ""
    return rf"(?<![\w']){body}{end}"


def _compile(phrases: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(phrase, re.compile(_phrase_pattern(phrase))) for phrase in phrases]


_REFUSALS = _compile(REFUSALS)
_NOT_A_NO = _compile(NOT_A_NO)
_UNSURE = _compile(UNSURE)
_REASONS = _compile(REASONS) + [(name, re.compile(p)) for name, p in REASON_CLAUSES]
_APOLOGIES = _compile(APOLOGIES)
# "kind of you" is warm, not a hedge.
_HEDGES = [
    (phrase, re.compile(_phrase_pattern(phrase) + (r"(?!\s+you)" if phrase == "kind of" else "")))
    for phrase in HEDGES
]
_HANDING_BACK = _compile(HANDING_BACK)
_WARM = _compile(WARM)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…。！？؟]+|\n+")


def normalise(draft: str) -> str:
    """The reply as the rules read it: one kind of apostrophe, lower case."""
    return unicodedata.normalize("NFKC", draft).translate(_APOSTROPHES).casefold()


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def _spotted(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> list[str]:
    """Which phrases occur, once each, in the order of the list."""
    return [phrase for phrase, pattern in patterns if pattern.search(text)]


def _count(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> int:
    return sum(len(pattern.findall(text)) for _, pattern in patterns)


def _without(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> str:
    for _, pattern in patterns:
        text = pattern.sub(" ", text)
    return text


def _quoted(phrases: list[str], most: int = 3) -> str:
    return listed([f"“{phrase}”" for phrase in phrases[:most]])


def reads_as_english(draft: str) -> bool:
    """False when the reply seems to be in another language (the rules may then miss things)."""
    letters = [c for c in draft if c.isalpha()]
    if not letters:
        return True
    latin = [c for c in letters if unicodedata.name(c, "").startswith("LATIN")]
    if len(latin) < 0.8 * len(letters):
        return False  # Cyrillic, Arabic, Chinese and other scripts
    words = words_of(normalise(draft))
    common = sum(1 for word in words if word in ENGLISH_COMMON) / max(len(words), 1)
    accented = sum(1 for c in latin if not c.isascii())
    if accented and (accented > 0.1 * len(latin) or common < 0.3):
        return False  # Spanish, German, Polish… with their own letters
    return not (len(words) >= 4 and common < 0.2)


def sentences_of(text: str) -> list[str]:
    """Sentences of three words or more (short ones like "No." carry no explaining)."""
    return [piece for piece in _SENTENCE_END.split(text) if len(words_of(piece)) >= 3]


# ---------------------------------------------------------------- the rules


def _clear_no(text: str) -> Finding:
    title = "A clear no"
    found = _spotted(_REFUSALS, _without(_NOT_A_NO, text))
    if found:
        return Finding(
            "clear-no",
            PASS,
            title,
            f"There is a clear no in it: {_quoted(found)}.",
            found=tuple(found),
        )
    if _spotted(_UNSURE, text):
        return Finding(
            "clear-no",
            NOTICE,
            title,
            "“I don't know” can sound as if the question is still open. If your answer is "
            "no, you could say so plainly: “No.” or “Not now.”",
        )
    return Finding(
        "clear-no",
        NOTICE,
        title,
        "A plain no is not there yet. You could start with it: “No, …” or “I'm not going to …”.",
    )


def _brief(count: int) -> Finding:
    title = "Brief"
    noun = "word" if count == 1 else "words"
    if count <= BRIEF_WORDS:
        return Finding("brief", PASS, title, f"{count} {noun}: short and easy to hear.")
    if count <= LONG_WORDS:
        return Finding(
            "brief",
            NOTICE,
            title,
            f"{count} words. A no tends to land best in {BRIEF_WORDS} words or fewer; "
            "you could try a shorter version.",
        )
    return Finding(
        "brief",
        NOTICE,
        title,
        f"{count} words. That is a lot for someone to hold on to. You could keep the "
        "sentence with your no in it, and perhaps one more.",
    )


def _over_explaining(text: str) -> Finding:
    title = "One reason or none"
    reasons = _count(_REASONS, text)
    names = _spotted(_REASONS, text)
    sentences = len(sentences_of(text))
    advice = "You could keep it to one reason, or none: a no does not need a defence."
    if reasons > MOST_REASONS:
        shown = _quoted([name.split(" (")[0] for name in names])
        return Finding(
            "over-explaining",
            NOTICE,
            title,
            f"There are {reasons} reasons here ({shown}). {advice}",
            found=tuple(names),
        )
    if sentences > MOST_SENTENCES:
        return Finding(
            "over-explaining",
            NOTICE,
            title,
            f"There are {sentences} sentences here, which can start to sound like a "
            f"defence. {advice}",
        )
    return Finding(
        "over-explaining", PASS, title, "One reason or none: your no can stand on its own."
    )


def _apology(text: str) -> Finding:
    title = "No apology for a need"
    found = _spotted(_APOLOGIES, text)
    if found:
        return Finding(
            "apology",
            NOTICE,
            title,
            f"You say {_quoted(found)}. You could leave that out: having a need is nothing "
            "to apologise for. A “thank you” can carry the warmth instead.",
            found=tuple(found),
        )
    return Finding(
        "apology", PASS, title, "No apology for having a need. You are allowed to need this."
    )


def _hedging(text: str) -> Finding:
    title = "Said like you mean it"
    found = _spotted(_HEDGES, text)
    if found:
        return Finding(
            "hedging",
            NOTICE,
            title,
            f"Words like {_quoted(found)} can sound as if the door is still open. "
            "If it is closed, you could leave them out.",
            found=tuple(found),
        )
    return Finding("hedging", PASS, title, "No “maybe” or “I guess”: it sounds like you mean it.")


def _handing_back(text: str) -> Finding:
    title = "The decision stays with you"
    found = _spotted(_HANDING_BACK, text)
    if found:
        return Finding(
            "handing-back",
            NOTICE,
            title,
            f"Asking {_quoted(found, 1)} hands the decision back to them. Your no does not "
            "need their permission; you could end on a full stop.",
            found=tuple(found),
        )
    return Finding(
        "handing-back",
        PASS,
        title,
        "No question asking for permission: the decision stays with you.",
    )


def _kind(text: str) -> Finding:
    title = "Kind, if you like"
    found = _spotted(_WARM, text)
    if found:
        return Finding(
            "kind",
            PASS,
            title,
            f"There is warmth in it: {_quoted(found)}. Kind and clear can go together.",
            optional=True,
            found=tuple(found),
        )
    return Finding(
        "kind",
        NOTICE,
        title,
        "Warmth is optional. If you would like some, “Thank you for asking” or “I know "
        "this matters to you” can sit beside a no. With someone who hurt you, a plain "
        "no is enough.",
        optional=True,
    )


LANGUAGE_NOTE = Finding(
    "language",
    NOTICE,
    "A note on language",
    "These rules read English best. They may miss a clear no in other languages, so "
    "trust your own sense of what you wrote.",
    optional=True,
)

# In another language the rules cannot tell whether there is a no, so they do not guess.
OTHER_LANGUAGE_NO = Finding(
    "clear-no",
    NOTICE,
    "A clear no",
    "The rules could not find a no in English words. If your reply says no in "
    "another language, it counts just the same.",
)

EMPTY = Finding(
    "empty",
    NOTICE,
    "Nothing here yet",
    "There is nothing to look at yet. Even one word is a start: “No.”",
)


def check(draft: str | None) -> list[Finding]:
    """Every rule's finding for a reply, in the order the page shows them."""
    if not draft or not draft.strip():
        return [EMPTY]
    text = normalise(draft)
    english = reads_as_english(draft)
    clear_no = _clear_no(text)
    if not english and not clear_no.passed:
        clear_no = OTHER_LANGUAGE_NO
    findings = [] if english else [LANGUAGE_NOTE]
    findings += [
        clear_no,
        _brief(len(words_of(text))),
        _over_explaining(text),
        _apology(text),
        _hedging(text),
        _handing_back(text),
        _kind(text),
    ]
    return findings


def all_clear(findings: list[Finding]) -> bool:
    """Every rule that counts is met (kindness and the language note never count)."""
    return all(finding.passed for finding in findings if not finding.optional)


RULES: tuple[Rule, ...] = (
    Rule(
        "clear-no",
        "A clear no",
        "A word or phrase that says no. Phrases that only sound like one, such as "
        "“no problem”, “not sure” or “I don't know”, do not count.",
        "A no said early and plainly is hard to misread. “I don't know” can leave the "
        "question open when you meant to close it.",
        REFUSALS,
    ),
    Rule(
        "brief",
        "Brief",
        f"How many words the reply has. Up to {BRIEF_WORDS} words counts as brief. Past "
        f"{LONG_WORDS}, the feedback suggests keeping only the sentence with your no.",
        "Short words are easy to hear and harder to argue with.",
    ),
    Rule(
        "over-explaining",
        "One reason or none",
        f"Words that give a reason. More than {MOST_REASONS} reason, or more than "
        f"{MOST_SENTENCES} full sentences, is noticed. “as” and “so” count only when a "
        "new part of the sentence follows them.",
        "Every reason is something to argue with. A no does not need a defence.",
        REASONS + tuple(name for name, _ in REASON_CLAUSES),
    ),
    Rule(
        "apology",
        "No apology for a need",
        "Words that say sorry or take the blame.",
        "Having a need is not a wrong. If you are sorry for their pain rather than for "
        "your need, you may want to keep it; you decide.",
        APOLOGIES,
    ),
    Rule(
        "hedging",
        "Said like you mean it",
        "Words that soften a no until it sounds like a maybe.",
        "A softened no invites a second ask.",
        HEDGES,
    ),
    Rule(
        "handing-back",
        "The decision stays with you",
        "Questions that ask the other person to approve your no.",
        "Your no does not need their permission. Ending on a full stop keeps the "
        "decision with you.",
        HANDING_BACK,
    ),
    Rule(
        "kind",
        "Kind, if you like",
        "A warm word or an acknowledgement. This is only a suggestion: a reply without "
        "one is just as complete.",
        "Kind and clear can go together, when you want them to. With someone who hurt "
        "you, a plain no is enough.",
        WARM,
        optional=True,
    ),
    Rule(
        "language",
        "A note on language",
        "Letters from other alphabets, many accented letters, or very few common English "
        "words. Then the feedback says it may have missed things.",
        "The word lists are English. A clear no in Spanish, Polish or Arabic is just as "
        "clear; these rules simply cannot read it well.",
        optional=True,
    ),
)
