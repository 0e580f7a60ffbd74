"""Putting a boundary into words the member can say or send.

Plain rules, so the member can predict what comes out: each part becomes
one sentence ("When …", "I need …", "If it happens again, I will …"), the
words the sentence already starts with are not repeated, and a part left
blank is left out. The member can change the result before saving.
"""

from __future__ import annotations

import re

# First words that read naturally in lower case after "When". Anything else
# (a name, "I") keeps its capital, because only the member knows.
_LOWER_FIRST = {
    "a", "an", "the", "you", "your", "my", "our", "their", "his", "her", "we", "they",
    "he", "she", "it", "someone", "anyone", "people", "being", "getting", "there",
    "this", "that", "things", "family", "friends", "others",
}  # fmt: skip


def _clause(text: str, prefixes: tuple[str, ...] = ()) -> str:
    """The member's words as the middle of a sentence: trimmed, prefix and end stop removed."""
    words = " ".join((text or "").split())
    changed = True
    while changed and words:
        changed = False
        for prefix in prefixes:
            if words.casefold().startswith(prefix):
                words = words[len(prefix) :].lstrip(" ,")
                changed = True
    words = words.rstrip(" .!;,")
    first = re.match(r"[A-Za-z']+", words)
    if first and first.group(0).casefold() in _LOWER_FIRST and not first.group(0).isupper():
        words = words[0].lower() + words[1:]
    elif first and first.group(0) == "A":
        words = "a" + words[1:]
    return words


def compose(behaviour: str, value_name: str, need: str, action: str) -> str:
    """A short first-person script from the parts of a boundary; empty when all are blank."""
    sentences = []
    when = _clause(behaviour, ("when ", "if "))
    value = (value_name or "").strip()
    if when:
        sentence = f"When {when}, that is not OK with me"
        if value:
            sentence += f", because I value {value[0].lower() + value[1:]}"
        sentences.append(sentence + ".")
    elif value:
        sentences.append(f"{value} matters to me.")
    needed = _clause(need, ("what i need is ", "i need ", "i would like "))
    if needed:
        sentences.append(f"I need {needed}.")
    then = _clause(action, ("if it happens again", "next time", "i will ", "i'll "))
    if then:
        sentences.append(f"If it happens again, I will {then}.")
    return " ".join(sentences)
