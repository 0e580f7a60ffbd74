"""Risk detection in free text: suicide, self-harm, harm to others, abuse.

`detect(text, language="en")` returns a `RiskAssessment` with a `level`
("none", "elevated", "urgent"), the `categories` found and short `reasons`.
It is a transparent rule and lexicon engine: no model, no network, no state,
a few milliseconds per text. It never blocks anything; callers use it to
open a gentle path to help and, in shared spaces, to alert a moderator.

How a text is read
==================

1. **Normalise** (`text.py`, `WORD_MAP` in `lexicon_en.py`): Unicode NFKC,
   lower case, curly quotes straightened, letters repeated three or more
   times squeezed, contractions spelled out ("can't" -> "can not"), chat
   slang and frequent typos mapped ("kms" -> "kill myself", "unalive" ->
   "kill", "suicde" -> "suicide", "wanna" -> "want to", "sh" next to
   "relapse" -> "self harm").
2. **Blank idioms**: "dead tired", "dying to know", "I could kill him",
   "this is killing me", "killing it", "to die for", "nearly died of",
   "I'm dead lol", "dead to me", "cut him off", "overdosed on chocolate"...
3. **Split** into sentences (one per line) and clauses (commas, "but").
4. **Match rules and contexts**, then drop a match if it is negated in its
   clause ("I would never hurt myself", "he has never hit me"), about
   someone else ("my friend's husband took his own life", "she feels
   suicidal"), or in the distant past ("as a teenager I used to cut") unless
   the clause says it is current ("again", "still", "relapsed", "tonight").
5. **Combine** into a level per category and take the highest.

Levels
======

**urgent**
  * suicide: intent ("I'm going to kill myself", "I want to end my life"),
    a plan, a method (saving pills, a bridge, a rope, overdose, wrists,
    driving into something), researching ways, a time ("tonight", "this
    weekend") next to any suicidal thought, goodbyes, notes, preparations
    ("I won't need them", "made my peace"), a recent attempt.
  * self_harm: self-harm with a serious injury ("won't stop bleeding",
    "needed stitches", "too deep", "blistering") or intent not to hold back.
  * harm_to_others: intent to hurt someone together with a means (a weapon
    bought or ready, poison), a plan (where she lives, waiting for him, when
    he falls asleep) or a time; a means plus a plan even without words of
    intent; a method verb with intent ("I'm going to stab him").
  * abuse: choking or strangling, threats to kill, a weapon used or held
    over the member, being locked in or not allowed to leave, fear of being
    killed, an abuse finding while hiding from the partner or with the
    partner's weapon in the picture.

**elevated**
  * suicide: passive ideation (wishing not to wake up, better off without
    me, nobody would notice, can't go on, no point in living, tired of
    living), suicidal thoughts or feelings without intent or method,
    "kms" on its own, giving one's things away.
  * self_harm: current self-harm or urges (cutting, burning, hitting
    oneself, "sh relapse") without a serious injury.
  * harm_to_others: intent or repeated thoughts of hurting someone without
    a means, plan or time ("I want to hurt her", "I'm scared I'll hurt the
    kids").
  * abuse: violence (hit, slapped, pushed, thrown), fear of the partner,
    control (money, phone, who I see), surveillance and stalking, threats
    short of killing, sexual coercion, the partner threatening suicide to
    stop the member leaving.

**none**: everything else, including idioms, denials, other people's
stories, the distant past, ordinary distress ("I feel worthless", "I can't
sleep") and anger at the partner ("I hate him", "I want to smash every
plate", "I could kill him for lying").

Choices worth knowing
=====================

* "I want to kill myself" is urgent: a first-person wish to do the act is
  treated as intent, because an app cannot ask the follow-up question a
  person would. "I feel suicidal" or "I think about killing myself" is
  elevated unless a method, plan or time is near.
* "I want to kill him" is elevated, not none: in anger it is usually
  hyperbole, but an elevated finding only offers anger tools and help; the
  conditional "I could kill him" is an idiom and is none.
* "I don't want to die, I want the pain to stop" is elevated (suicide). We
  take the denial at its word, but a wish for the pain to end said in the
  same breath as death is a known warning sign, and elevated only offers a
  gentle way to help. "I just want the pain to stop" alone is none:
  betrayed partners say it every day about the pain of discovery.
* The past is judged per sentence: "years ago", "used to", "as a teenager"
  switch a finding off unless its clause also says "again", "still",
  "now", "tonight" or "relapsed". A recent past ("last night", "last
  week") is current.
* Reasons quote normalised words of the member. They are sensitive: never
  log them.

Known weak spots
================

* English only. Other languages fall back to the English rules, so Spanish
  text is mostly read as "none" until Spanish rules exist.
* Words that are not in the lexicon: method talk with no suicide word in
  sight ("I've thought about how I would do it"), a plan that names the
  person by role rather than "he" or "she" ("I know where his affair
  partner lives"), revenge phrased as "make her pay".
* Unusual word order for a denial ("Not once did I think about harming
  myself") is read as an admission.
* Hyperbole with the partner as subject ("he's going to kill me when he sees
  the bill") is read as a threat; "I can't go on like this, something has
  to change" is read as passive ideation.
* Sarcasm, quotations and song lyrics are read as the member's own words.
* The labelled sets and the rules have one author, so the measured numbers
  flatter the engine; expect lower recall on other people's writing.

Unsupported languages fall back to the English rules.
"""

from __future__ import annotations

from .engine import CATEGORIES, LEVELS, RiskAssessment, assess
from .engine import Lexicon as _Lexicon
from .lexicon_en import LEXICON as _ENGLISH

__all__ = ["CATEGORIES", "LEVELS", "RiskAssessment", "detect"]

_LEXICONS: dict[str, _Lexicon] = {"en": _ENGLISH}


def _lexicon_for(language: str) -> _Lexicon:
    base = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    return _LEXICONS.get(base, _ENGLISH)


def detect(text: str, language: str = "en") -> RiskAssessment:
    """Assess `text` for risk language; see the module docstring for the rules.

    `language` is a language code such as "en" or "en-GB"; languages without
    their own rules fall back to English.
    """
    return assess(_lexicon_for(language), text or "")
