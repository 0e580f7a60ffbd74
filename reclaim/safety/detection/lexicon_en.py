"""English rules and word lists for the risk detector.

Patterns run on normalised text (see `text.py` and `WORD_MAP` below): lower
case, contractions spelled out ("i'm" -> "i am", "can't" -> "can not",
"i'd" -> "i would"), slang mapped ("kms" -> "kill myself", "unalive" ->
"kill", "gonna" -> "going to"), one sentence per line. Gaps inside patterns
use `[^\\n]` or whole words, so no pattern reaches into the next sentence.

Rule ids read as `category.kind.name`; they appear in reasons.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .engine import (
    ELEVATED,
    URGENT,
    Combination,
    Context,
    Escalation,
    Lexicon,
    Rule,
)
from .text import Normaliser

# --------------------------------------------------------------------------
# Normalising: slang, typos, contractions.
# --------------------------------------------------------------------------

WORD_MAP: dict[str, str] = {
    # Apostrophe-less contractions, as typed on phones.
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "arent": "aren't",
    "werent": "weren't",
    "aint": "am not",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "youre": "you're",
    "thats": "that's",
    "whats": "what's",
    "theres": "there's",
    "ill be": "i'll be",
    # Contractions spelled out. "'d" is read as "would"; patterns that need
    # "had" ("I'd never been born") accept both.
    "i'm": "i am",
    "i've": "i have",
    "i'd": "i would",
    "i'll": "i will",
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "shan't": "shall not",
    "ain't": "am not",
    "don't": "do not",
    "didn't": "did not",
    "doesn't": "does not",
    "isn't": "is not",
    "wasn't": "was not",
    "wouldn't": "would not",
    "couldn't": "could not",
    "shouldn't": "should not",
    "haven't": "have not",
    "hasn't": "has not",
    "hadn't": "had not",
    "aren't": "are not",
    "weren't": "were not",
    "mustn't": "must not",
    "he's": "he is",
    "she's": "she is",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "what's": "what is",
    "who's": "who is",
    "here's": "here is",
    "they're": "they are",
    "you're": "you are",
    "we're": "we are",
    "he'd": "he would",
    "she'd": "she would",
    "they'd": "they would",
    "you'd": "you would",
    "we'd": "we would",
    "he'll": "he will",
    "she'll": "she will",
    "they'll": "they will",
    "you'll": "you will",
    "we'll": "we will",
    "it'll": "it will",
    "they've": "they have",
    "we've": "we have",
    "you've": "you have",
    # Slang and chat shorthand.
    "gonna": "going to",
    "gona": "going to",
    "wanna": "want to",
    "wana": "want to",
    "gotta": "got to",
    "tryna": "trying to",
    "ima": "i am going to",
    "imma": "i am going to",
    "i'ma": "i am going to",
    "kinda": "kind of",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tomoz": "tomorrow",
    "tomorow": "tomorrow",
    "tommorow": "tomorrow",
    "tommorrow": "tomorrow",
    "2moro": "tomorrow",
    "fr": "for real",
    "ngl": "",
    "tbh": "",
    "lmao": "lol",
    "lmfao": "lol",
    "rofl": "lol",
    "haha": "lol",
    "hahaha": "lol",
    "u": "you",
    "ur": "your",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "pls": "please",
    "idk": "i do not know",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "ap": "affair partner",
    # Self-harm and suicide slang.
    "kms": "kill myself",
    "kmsl": "kill myself",
    "unalive": "kill",
    "unalived": "killed",
    "unaliving": "killing",
    "unalives": "kills",
    "sewerslide": "suicide",
    "sewer slide": "suicide",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "selfharmed": "self harmed",
    "od": "overdose",
    "oding": "overdosing",
    "od'd": "overdosed",
    "ctb": "kill myself",
    # Common misspellings of the words the rules depend on.
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "suicid": "suicide",
    "suicied": "suicide",
    "siucide": "suicide",
    "suside": "suicide",
    "suicidial": "suicidal",
    "suicdal": "suicidal",
    "sucidal": "suicidal",
    "suisidal": "suicidal",
    "suicidel": "suicidal",
    "sucicidal": "suicidal",
    "myslef": "myself",
    "mysefl": "myself",
    "myslf": "myself",
    "mysef": "myself",
    "mysel": "myself",
    "myselfe": "myself",
    "meself": "myself",
    "mself": "myself",
    "kil": "kill",
    "kiling": "killing",
    "kll": "kill",
    "wnat": "want",
    "wnt": "want",
    "dissappear": "disappear",
    "dissapear": "disappear",
    "disapear": "disappear",
    "pils": "pills",
    "pilss": "pills",
    "slef": "self",
    "hurst": "hurts",
    "hurtin": "hurting",
    "cuttin": "cutting",
    "cuting": "cutting",
    "choaked": "choked",
    "chocked": "choked",
    "choaking": "choking",
    "strangeled": "strangled",
    "stangled": "strangled",
    "threatend": "threatened",
    "threatned": "threatened",
    "thretened": "threatened",
    "threated": "threatened",
    "scaired": "scared",
    "sacred of": "scared of",
    "diee": "die",
    "deadd": "dead",
    "livee": "live",
    "nobodyy": "nobody",
    "anymoree": "anymore",
    "any more": "anymore",
    "no one": "nobody",
    "noone": "nobody",
    "no body": "nobody",
}

# Replacements that depend on what is around a word.
CONTEXTUAL_MAP: tuple[tuple[str, str], ...] = (
    (r"\bs\s*/\s*h\b|\bs\.h\.", "self harm"),
    # "sh" means self-harm only next to the words people use with it.
    (
        r"\bsh\b(?=[^.!?\n]{0,40}\b(?:relapse\w*|again|urges?|clean|free|tonight|scars|cuts?|cutting|wounds)\b)",
        "self harm",
    ),
    (
        r"\b(relapsed on|relapse on|relapsed with|urges? to|want to|wanna|need to|did|done|no) sh\b",
        r"\1 self harm",
    ),
)

# --------------------------------------------------------------------------
# Shared fragments.
# --------------------------------------------------------------------------

# Words that may sit between a subject and its verb ("he has never hit me",
# "she just finally choked me"). Negations are here on purpose: the
# negation check then sees them inside the match.
_AUX = (
    r"(?:has|have|had|just|then|always|often|sometimes|once|twice|actually|finally|even|"
    r"also|still|again|really|literally|physically|did|does|do|would|will|never|not|"
    r"nearly|almost|basically|repeatedly|is|was|keeps|kept|got|been|could|can|might|may|"
    r"started|start|tried|try|began|used|to|suddenly|deliberately|constantly|regularly|"
    r"now|today|tonight|yesterday|violently|hard|badly)"
)
GAP = rf"(?:{_AUX} ){{0,4}}"

# Who, for abuse, is the partner acting on the member.
PARTNER = (
    r"(?:\bhe|\bshe|\bthey|(?:\bmy |\bthe |\bour )?(?:ex husband|ex wife|ex partner|ex boyfriend|"
    r"ex girlfriend|husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|spouse|other half)|"
    r"\bmy ex)"
)

# The partner as subject, or a verb joined to an earlier one ("he pinned me
# down and choked me"), where the subject is not repeated.
BY_PARTNER = rf"(?:{PARTNER} {GAP}|\b(?:and|then) (?:then |also |just |even |nearly |almost |started to |tried to )?)"

# Who, for harm to others, could be hurt.
TARGET = (
    r"(?:him|her|them|(?:my |the |that |this |his |her |their )?(?:husband|wife|partner|ex|"
    r"ex husband|ex wife|boyfriend|girlfriend|spouse|mistress|affair partner|other woman|"
    r"other man|woman|man|lover|bitch|whore|slut|bastard|kids|children|baby|son|daughter|"
    r"girlfriend|boyfriend)|someone|somebody|anyone|people)\b"
    r"(?! (?:feelings|pride|career|reputation|chances|business|image|ego|credibility|case|vibe|mood|buzz|joy|time|ambitions|plans|chances))"
)

DRUG = (
    r"(?:pills|pill|tablets|meds|medication|medications|medicine|painkillers|pain killers|"
    r"sleeping pills|sleeping tablets|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|"
    r"oxy|oxys|oxycodone|oxycontin|codeine|tramadol|morphine|insulin|antidepressants|"
    r"anti depressants|sertraline|citalopram|fluoxetine|xanax|valium|diazepam|benzos|"
    r"opioids|fentanyl|heroin|lithium|zopiclone|ambien|sleepers|amitriptyline|quetiapine|"
    r"seroquel|prescription|prescriptions|dose|doses)\b"
)

WEAPON = (
    r"(?:knife|knives|gun|guns|rifle|pistol|shotgun|revolver|firearm|weapon|blade|machete|"
    r"axe|hammer|bat|baseball bat|crowbar|razor|scissors)\b"
)

WHEN = (
    r"(?:tonight|tomorrow|this weekend|this evening|in the morning|on (?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)|(?:once|when|after) the kids (?:are|go)|"
    r"after (?:tonight|today|tomorrow|this weekend|this week|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|"
    r"by (?:the )?morning|before (?:the )?morning|in an hour|in a few hours|soon as)\b"
)

# "living" and "live" followed by where, with whom or how one lives ("living
# in this house with him", "living a lie") are not about staying alive.
_NOT_LIFE = r"(?! (?:in|with|under|at|near|next|together|apart|separately|a lie|this lie|a double|off|for him|for her|for them|in fear|without him|without her|here|there|around|on)\b)"

_I = r"\bi "
# "I", then a few words of softening ("i just really", "i swear i").
_I_SOFT = r"\bi (?:(?:really|just|swear|honestly|seriously|actually|so|i|literally|still|truly|am|have|sometimes|think|feel like|feel) ){0,3}"
_INTENT = (
    r"(?:going to|will|want to|need to|intend to|plan to|planning to|planning on|about to|"
    r"have to|decided to|ready to|determined to)"
)
# The same, for patterns that add their own "to": "going" + " to kill myself".
_INTENT_STEM = (
    r"(?:going|want|wants|wanted|need|intend|plan|planning|about|have|decided|ready|"
    r"determined|try|trying|tried|attempt|attempted|attempting|prepared)"
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


def R(
    id: str,
    category: str,
    level: str,
    pattern: str,
    subject: str = "last",
    negation_inside: bool = False,
    past_applies: bool = True,
    suppress: str | None = None,
    suppress_scope: str = "clause",
    unless: str | None = None,
) -> Rule:
    return Rule(
        id,
        category,
        level,
        _rx(pattern),
        subject,
        negation_inside,
        past_applies,
        _rx(suppress) if suppress else None,
        suppress_scope,
        _rx(unless) if unless else None,
    )


def C(
    id: str,
    category: str,
    tag: str,
    pattern: str,
    subject: str = "last",
    negation_inside: bool = False,
) -> Context:
    return Context(id, category, tag, _rx(pattern), subject, negation_inside)


# --------------------------------------------------------------------------
# Suicide.
# --------------------------------------------------------------------------

SUICIDE_RULES: tuple[Rule, ...] = (
    # Passive ideation: a wish to be dead or not to wake up, feeling like a
    # burden, no reason to live. Elevated.
    R(
        "suicide.passive.want_to_die",
        "suicide",
        ELEVATED,
        r"\b(?:want|wanted|wish|wishing|wished) (?:to|i could|i would|i was going to) (?:just )?die\b",
    ),
    R(
        "suicide.passive.wish_dead",
        "suicide",
        ELEVATED,
        r"\b(?:wish|wishes|wishing|wished|hope|hoping|pray|praying) (?:that )?i (?:could |would |had )?(?:just )?(?:was|were|be|been) dead\b",
    ),
    R(
        "suicide.passive.not_wake_up",
        "suicide",
        ELEVATED,
        r"\b(?:wish|wishes|wishing|wished|hope|hoping|pray|praying|want|wanted)\b[^\n,]{0,25}\b(?:not|never) (?:to )?(?:wake|waking|woke) up\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.mind_not_waking",
        "suicide",
        ELEVATED,
        r"\bmind (?:if i (?:did not|do not|never|would not) (?:wake|woke) up|(?:not )?waking up|dying|being dead|not existing)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.sleep_forever",
        "suicide",
        ELEVATED,
        r"\b(?:go|goes|went|going|fall|falling|fell|drift|drifting) (?:to sleep|asleep) (?:and (?:just )?(?:never|not) (?:wake|woke) up|forever|for good|permanently|and not wake)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.better_off_without_me",
        "suicide",
        ELEVATED,
        r"\b(?:better off|happier|easier|better|lighter) (?:off )?without me\b",
        subject="self",
    ),
    R(
        "suicide.passive.better_off_if_gone",
        "suicide",
        ELEVATED,
        r"\b(?:better off|happier|easier|better|lighter)(?: for everyone| for them| for him| for the kids)? (?:if|when|once) i (?:just |simply |finally )?(?:was|were|am|was not|were not|am not|did not|died|die|disappeared) ?(?:dead|gone|here|around|alive|exist|existed|never born|in the picture)?\b",
        subject="self",
        negation_inside=True,
    ),
    R("suicide.passive.better_off_dead", "suicide", ELEVATED, r"\bbetter off (?:dead|gone)\b"),
    R(
        "suicide.passive.nobody_would_notice",
        "suicide",
        ELEVATED,
        r"\b(?:nobody|anyone|anybody|somebody|someone|people|they|everyone)\b[^\n]{0,30}\b(?:notice|care|miss me)\b[^\n]{0,30}\bif i (?:was|were|am|died|die|disappeared|disappear|vanished|vanish|killed myself|killed|was gone|were gone|was dead|were dead|was not here|were not here|did not wake up|never woke up|was not around|were not around|stopped existing|ended it)\b",
        subject="self",
        negation_inside=True,
    ),
    R(
        "suicide.passive.if_i_was_gone_nobody",
        "suicide",
        ELEVATED,
        r"\bif i (?:died|disappeared|vanished|was gone|were gone|was dead|were dead|killed myself|was not here|were not here|did not wake up|never woke up|was not around|were not around)\b[^\n]{0,50}\b(?:nobody|anyone|anybody|who|would they|would people)\b[^\n]{0,30}\b(?:notice|care|miss)\b",
        subject="self",
        negation_inside=True,
    ),
    R(
        "suicide.passive.nobody_would_miss_me",
        "suicide",
        ELEVATED,
        r"\b(?:nobody|no one) (?:would|will|is going to|is gonna) (?:even |really )?(?:miss me|notice i am gone|care if i)\b",
        subject="self",
        negation_inside=True,
    ),
    R(
        "suicide.passive.not_want_to_live",
        "suicide",
        ELEVATED,
        rf"\b(?:do not|does not|no longer|not) (?:really |even |actually |think i |feel like i )?(?:want|wish|wanna|feel like i want) to (?:exist|be alive|live{_NOT_LIFE}|go on|keep going|carry on|wake up|be around|keep living|stay alive|be here (?:anymore|now|on this earth|in this world)|be on this earth)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.not_sure_want_to_live",
        "suicide",
        ELEVATED,
        r"\bnot sure (?:if |that )?i (?:want|can) (?:to )?(?:live|be here|go on|keep going|be alive|keep living|stay alive)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.no_point_living",
        "suicide",
        ELEVATED,
        rf"\b(?:no|what is(?: even)?(?: the)?|not see(?: the| any| a)?|is there any|is there a|lost (?:the|any)|there is no) (?:real )?point (?:anymore |even |really |in even )?(?:in |of )?(?:being alive|living{_NOT_LIFE}|life|going on|carrying on|waking up|existing|staying alive|my life|being here|me being here|being around|trying anymore|anything anymore)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.no_reason_to_live",
        "suicide",
        ELEVATED,
        r"\b(?:no|not any|nothing|not a single|any) (?:(?:real|good) )?(?:reason|reasons) (?:left )?(?:to|for) (?:keep |me to keep |me to |me )?(?:live|living|go on|going on|carry on|carrying on|stay|staying|be here|be alive|wake up|waking up)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.nothing_to_live_for",
        "suicide",
        ELEVATED,
        r"\b(?:nothing|nobody|no one|not much|no reason) (?:left )?to live for\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.not_worth_living",
        "suicide",
        ELEVATED,
        r"\b(?:not|no longer|never|is not|isn't) (?:really )?worth (?:living|it anymore|staying alive|being alive|going on)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.tired_of_living",
        "suicide",
        ELEVATED,
        rf"\b(?:tired|sick|weary|exhausted) of (?:living{_NOT_LIFE}|being alive|existing|life|breathing|waking up|being here{_NOT_LIFE})\b",
    ),
    R(
        "suicide.passive.done_with_life",
        "suicide",
        ELEVATED,
        r"\bdone with (?:life|living|being alive|existing|this life|breathing)\b",
    ),
    R(
        "suicide.passive.cant_go_on",
        "suicide",
        ELEVATED,
        r"\b(?:can not|could not|unable to|not able to|do not think i can) (?:\w+ )?(?:go on|keep going|carry on|keep living|live like this|live this way|continue living)(?= (?:like|anymore|without|living|with (?:this|life|my life)|this way|much longer|for much)\b| ?$)"
        # "I can't go on like this, something has to change" is about the
        # situation: a change or a next step in the same sentence makes it
        # ordinary distress.
        r"(?![^\n]{0,60}\b(?:something (?:has|needs|is going|must|will|is|has got) (?:to |got to )?(?:change|give)|things (?:have|need|must|are going|have got) (?:to |got to )?change|(?:i|we) (?:need|have|want|am going|are going|have got) to (?:leave|talk|tell|see|change|get|find|make|call|sort|speak|move|go|book|ask)|i need (?:help|a lawyer|a solicitor|a break|answers|a change|a plan|space|therapy|counselling)|i am (?:leaving|moving|calling|booking|going to leave)|(?:going|need) to (?:leave him|leave her|end the marriage|end things with))\b)",
        negation_inside=True,
    ),
    R("suicide.passive.end_it_all", "suicide", ELEVATED, r"\bend(?:ing)? it all\b"),
    R(
        "suicide.passive.want_it_to_end",
        "suicide",
        ELEVATED,
        r"\b(?:want|wanting|wanted|wish|need|needing) (?:it all|everything|all of it|this all|life|my life|it|this) to (?:end|stop|be over)(?: forever| for good| permanently)(?!\w)|\b(?:want|wanting|wanted|wish|need|needing) (?:it all|everything|all of it|this all|life|my life) to (?:end|be over)\b",
    ),
    R(
        "suicide.passive.feel_suicidal",
        "suicide",
        ELEVATED,
        r"\b(?:am|feel|feeling|felt|been|get|getting|was|become|becoming) (?:so |really |very |pretty |quite |a bit |kind of |extremely |incredibly |super |a little |more |still |actively |passively )?suicidal\b",
    ),
    R(
        "suicide.passive.suicidal_thoughts",
        "suicide",
        ELEVATED,
        r"\bsuicidal (?:thoughts|feelings|urges|ideation|thinking|again|tonight|lately|today|thought)\b",
    ),
    R(
        "suicide.passive.thinking_about_suicide",
        "suicide",
        ELEVATED,
        r"\b(?:think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|daydream|daydreaming|obsessing|obsess|considering|consider|contemplating|contemplate|picture|picturing|pictured|imagine|imagining|imagined) (?:(?:a lot|constantly|sometimes|often|every day|all the time|seriously|more and more|lately|again|so much|too much|way too much) )?(?:about|of|on) (?:just |simply |maybe |seriously )?(?:suicide|killing myself|ending (?:it all|my life|everything|myself)|dying|being dead|death|not being here|not existing|taking my (?:own )?life|my own death|my funeral|jumping(?! (?:ship|into|at|back|in|on|the))|throwing myself|overdosing|hanging myself|not waking up|disappearing forever|crashing (?:my |the )?car|driving (?:my car |the car )?(?:into|off))\b",
    ),
    R(
        "suicide.passive.all_i_think_about",
        "suicide",
        ELEVATED,
        r"\b(?:suicide|killing myself|dying|death|ending it all|ending my life|being dead|not being here) (?:is|has become|seems to be) (?:all|the only thing|what|everything) i (?:can |ever |seem to )?(?:think|thinking|dream) (?:about|of)\b",
    ),
    R(
        "suicide.passive.crossed_my_mind",
        "suicide",
        ELEVATED,
        r"\b(?:suicide|killing myself|ending (?:my life|it all)|dying|death|ending it) (?:has |have |keeps |keep |is |was )?(?:crossed|crossing|cross|crosses|been on|on|in) my mind\b",
        subject="self",
    ),
    R(
        "suicide.passive.only_way_out",
        "suicide",
        ELEVATED,
        r"\b(?:suicide|killing myself|death|dying|ending it all|ending my life) (?:is|seems|feels|would be) (?:like )?(?:the only|my only|an|the best|the easiest|the only real) (?:way out|option|answer|solution|choice|escape)\b",
    ),
    R(
        "suicide.passive.no_way_out_but",
        "suicide",
        ELEVATED,
        r"\b(?:no|not any|not a|not one|there is no|there is not a|can not see a|can not see any) (?:other )?(?:way out|escape|way to stop this|option left) (?:except|but|other than|besides|apart from) (?:dying|death|suicide|to die|killing myself|ending it all|ending my life)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.death_relief",
        "suicide",
        ELEVATED,
        r"\b(?:death|dying|being dead|not existing|not being here) (?:would|will|could|might|seems like it would) (?:\w+ ){0,2}be (?:a )?(?:relief|easier|better|a mercy|a release|peaceful|welcome|a gift|freedom)\b",
    ),
    R(
        "suicide.passive.never_born",
        "suicide",
        ELEVATED,
        r"\bwish (?:that )?i (?:had |would |could have |was |were )?never (?:been born|born|existed|woken up)\b",
        subject="self",
        negation_inside=True,
    ),
    R(
        "suicide.passive.wish_killed",
        "suicide",
        ELEVATED,
        r"\b(?:wish|wishes|wishing|wished|hope|hoping|pray|praying) (?:that )?(?:(?:a|the) (?:car|bus|truck|lorry|train|plane|crash)|he|she|they|someone|somebody|something|it|god) (?:had |would |could |will )?(?:just )?(?:hit|hits|kill|killed|kills|run over|ran over|runs over|take|took|takes) me\b",
        subject="self",
    ),
    R(
        "suicide.passive.hope_get_killed",
        "suicide",
        ELEVATED,
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:get|got|gets|would get|could get|was|were) (?:hit|run over|killed|in a crash|in an accident)\b",
        subject="self",
    ),
    R(
        "suicide.passive.courage",
        "suicide",
        ELEVATED,
        r"\b(?:courage|guts|strength|nerve) to (?:end it|do it|kill myself|go through with it|end my life|end it all)\b",
    ),
    R(
        "suicide.passive.hope_i_die",
        "suicide",
        ELEVATED,
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:just |would |could |will )?(?:die|pass away|do not survive|never wake up|do not make it)\b",
        subject="self",
    ),
    R(
        "suicide.passive.stop_existing",
        "suicide",
        ELEVATED,
        r"\b(?:stop|stopped|to stop) existing\b|\b(?:want|wish|wishing|wanted) (?:i could )?(?:to )?not (?:to )?exist\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.picture_not_here",
        "suicide",
        ELEVATED,
        r"\b(?:picture|picturing|pictured|imagine|imagining|imagined|see|seeing) (?:myself |me )?(?:not being here|not being alive|being dead|dead|in a coffin|my (?:own )?funeral|not existing|not waking up)\b(?! (?:tired|on my feet|inside)\b)",
        subject="self",
        negation_inside=True,
    ),
    R(
        "suicide.passive.disappear_forever",
        "suicide",
        ELEVATED,
        r"\b(?:disappear|disappeared|vanish|vanished|be gone) (?:forever|for good|permanently)\b",
    ),
    R(
        "suicide.passive.wont_be_here",
        "suicide",
        ELEVATED,
        r"\b(?:will not|would not|might not|may not) be (?:here|around|alive) (?:anymore|much longer|for long|to see)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.kill_myself",
        "suicide",
        ELEVATED,
        r"\b(?:kill|killing|off|offing) myself\b",
    ),
    R(
        "suicide.passive.commit_suicide",
        "suicide",
        ELEVATED,
        r"\b(?:commit|committing|attempt|attempted|attempting) suicide\b|\bsuicide attempt\b",
    ),
    R(
        "suicide.passive.takes_my_life",
        "suicide",
        ELEVATED,
        r"\b(?:end|ending|take|taking) my (?:own )?life\b(?! back)",
    ),
    # A negated wish to die that still asks for the pain to end. Chosen on
    # purpose: the member has said they do not want to die, and we believe
    # them, but "I want the pain to stop" next to it is a known warning sign
    # and an elevated finding only offers a gentle way to help.
    R(
        "suicide.passive.pain_to_stop",
        "suicide",
        ELEVATED,
        r"\b(?:do not|did not) (?:really |actually )?want to die\b[^\n]{0,40}\b(?:want|need|wish)\b[^\n]{0,10}\b(?:(?:the pain|it|this|everything|the hurt|it all) to (?:stop|end|go away)|to stop (?:hurting|feeling|the pain))",
        subject="self",
        negation_inside=True,
    ),
    # Active: intent, plan, method, preparation, goodbyes. Urgent.
    R(
        "suicide.intent.kill_myself",
        "suicide",
        URGENT,
        rf"\b{_INTENT_STEM} to (?:just |really |finally |actually )?(?:kill|off|hang|shoot|drown|poison) myself\b|\bi will (?:just |really |finally |actually )?(?:kill|off|hang|shoot|drown) myself\b",
    ),
    R(
        "suicide.intent.end_my_life",
        "suicide",
        URGENT,
        rf"\b{_INTENT_STEM} to (?:end|take) my (?:own )?life\b(?! back)|\b{_INTENT_STEM} to (?:commit|attempt) suicide\b|\bi will (?:end|take) my (?:own )?life\b(?! back)|\bi will (?:commit suicide|end it all)\b",
    ),
    R(
        "suicide.intent.end_it_all",
        "suicide",
        URGENT,
        rf"\b{_INTENT_STEM} to (?:just )?end it all\b",
    ),
    R(
        "suicide.intent.ready_to_die",
        "suicide",
        URGENT,
        r"\bready to die\b|\bi am ready to (?:go|end it)(?: now)?$",
    ),
    R(
        "suicide.intent.suicide_plan",
        "suicide",
        URGENT,
        r"\b(?:have|got|made|making|make|written|wrote|worked out|have got) (?:a |my |the )?(?:plan|date|time|day)(?: and a (?:plan|date|time|day))? (?:to|for|on how to) (?:kill myself|die|end (?:it|my life|it all)|ending (?:it|my life|it all)|suicide|commit suicide|take my (?:own )?life|taking my (?:own )?life|do it)\b|\bsuicide (?:plan|note)\b|\bplan (?:to|on) (?:die|dying|kill myself|killing myself|end (?:it all|my life)|ending (?:it all|my life)|take my (?:own )?life|taking my (?:own )?life|jump|jumping|overdose|overdosing|hang myself|hanging myself)\b",
    ),
    R(
        "suicide.method.stockpile",
        "suicide",
        URGENT,
        rf"\b(?:saving|saved|stockpil\w*|hoarding|hoarded|collecting|collected|stashing|stashed|storing|stored|building up|keeping|counting|counted)(?: up)? (?:(?:my|all|of|the|his|her|enough|some|a|lot|lots|bunch|few|extra|sleeping|old|spare|up) ){{0,4}}{DRUG}|\benough {DRUG} (?:saved|stashed|hidden|stored|to do it|to die|to end it|to kill)",
    ),
    R(
        "suicide.method.take_all",
        "suicide",
        URGENT,
        rf"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed|overdose on|overdosing on|overdosed on|neck|necking|necked) (?:all|every one|every single|every|everything|the whole|a whole|the rest|a full|whole|an entire|the entire|a bottle|a box|a packet|bottles|boxes|handfuls|a handful|loads)(?: of)? (?:(?:my|his|her|the|these|those|them|bottle|box|packet|pack|packs|of|sleeping|strong|old|prescription) ){{0,3}}{DRUG}",
    ),
    R(
        "suicide.method.took_many",
        "suicide",
        URGENT,
        rf"\b(?:took|taken|swallowed|just took|have taken) (?:\d+|ten|fifteen|twenty|thirty|forty|fifty|a lot of|loads of|too many|all the|a bunch of|a handful of|handfuls of|way too many) (?:of )?(?:(?:my|his|her|the|sleeping|strong) )?{DRUG}",
    ),
    R(
        "suicide.method.overdosed",
        "suicide",
        URGENT,
        r"\bi (?:have |just |had )?(?:overdosed|took an overdose|taken an overdose)\b",
    ),
    R(
        "suicide.method.overdose",
        "suicide",
        URGENT,
        rf"\b(?:going to|want to|will|plan to|planning to|thinking of|thinking about|think about|about to|try to|tried to|decided to|ready to|need to|might|could just) (?:just )?(?:overdose|overdosing|take an overdose)\b|\b(?:overdose|overdosing|overdosed) on (?:(?:my|his|her|the|all|some|a|bunch|of|lot) ){{0,3}}{DRUG}",
    ),
    R(
        "suicide.method.lethal_dose",
        "suicide",
        URGENT,
        rf"\bhow (?:many|much) (?:(?:of|my|his|her|the|these) ){{0,2}}(?:{DRUG} ?)?(?:it would take|would it take|does it take|it takes|to (?:die|kill|overdose|be fatal|be lethal|end it))\b|\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b",
    ),
    R(
        "suicide.method.pills_ready",
        "suicide",
        URGENT,
        rf"\b{DRUG} (?:are |all )?(?:lined up|counted out|laid out|ready|in front of me|in my hand)\b",
    ),
    R(
        "suicide.method.which_bridge",
        "suicide",
        URGENT,
        r"\bwhich (?:bridge|building|tree|car park|cliff|train|method|way|rope|pills|roof) i (?:would|will|am going to|could|want to) (?:use|jump|do it|choose)\b",
        subject="self",
    ),
    R(
        "suicide.method.jump",
        "suicide",
        URGENT,
        r"\b(?:jump|jumping|throw myself|throwing myself|step|stepping|walk|walking) (?:off|from|in front of|under|onto) (?:(?:a|the|that|this|our|my|an|oncoming|next|\w+) ){0,3}(?:bridge|roof|building|balcony|cliff|car park|multi storey|parking garage|tower|train|bus|truck|lorry|window|platform|ledge|motorway|traffic|tracks)\b",
    ),
    R("suicide.method.hang", "suicide", URGENT, r"\bhang(?:ing)? myself\b|\bnoose\b"),
    R(
        "suicide.method.wrists",
        "suicide",
        URGENT,
        r"\b(?:slit|slitting|slash|slashing|open|opening) (?:my )?wrists?\b|\b(?:cut|cutting) my wrists? (?:open|deep|properly|for good|to die)\b",
    ),
    R(
        "suicide.method.drive_into",
        "suicide",
        URGENT,
        r"\b(?:drive|driving|crash|crashing|steer|steering|swerve|swerving|aim|aiming|drove) (?:my car |the car |myself |it |us )?(?:into|off|in front of) (?:(?:a|the|an|that|oncoming|some|big|nearest) ){0,2}(?:tree|wall|river|lake|sea|bridge|cliff|oncoming traffic|traffic|truck|lorry|barrier|pole|train|bus|canal|quarry)\b",
    ),
    R(
        "suicide.method.walk_into_water",
        "suicide",
        URGENT,
        r"\b(?:walk|walking|swim|swimming|wade|wading) (?:out )?into the (?:sea|ocean|river|lake|water|waves)\b[^\n]{0,30}\b(?:not|never) (?:come|coming) back\b|\b(?:drown|drowning) myself\b",
        negation_inside=True,
    ),
    R(
        "suicide.method.gun",
        "suicide",
        URGENT,
        r"\b(?:gun|pistol|rifle|shotgun|revolver|barrel) (?:is )?(?:in|to|against|at) my (?:lap|mouth|head|temple|chest)\b|\bpull(?:ing)? the trigger\b|\b(?:shoot|shooting) myself\b|\b(?:blow|blowing) my (?:brains|head) out\b",
    ),
    R(
        "suicide.method.research",
        "suicide",
        URGENT,
        r"\b(?:research|researching|researched|looking up|looked up|look up|googling|googled|google|searching|searched|reading about|read about) (?:\w+ ){0,3}(?:ways|way|how|methods|method) to (?:die|kill myself|end (?:it|my life)|overdose|commit suicide)\b|\b(?:easiest|quickest|painless|least painful|best|surest|fastest|most reliable) (?:way|ways|method|methods) to (?:die|kill myself|end my life|end it|commit suicide)\b",
    ),
    R(
        "suicide.goodbye.note",
        "suicide",
        URGENT,
        r"\b(?:suicide note|goodbye (?:note|notes|letter|letters|video|message)|final (?:letter|letters|note|goodbye))\b|\b(?:wrote|written|writing|write|left|leaving|leave) (?:a |my |some |the )?(?:notes?|letters?)(?: (?:\w+ ){0,6}?)?(?:explaining why|to read after|for after|for when|so they know|to say goodbye|to find)\b",
    ),
    R(
        "suicide.goodbye.farewell",
        "suicide",
        URGENT,
        r"\bthis is (?:my )?(?:goodbye|farewell|my last (?:post|message|entry))\b|\bgoodbye (?:everyone|all|world|cruel world|forever|my (?:loves|babies|darlings|angels))\b|\b(?:saying|say|said) (?:my )?(?:goodbyes|final goodbye|goodbye to (?:everyone|you all|the kids|my kids))\b|\b(?:my )?last (?:message|post|entry|words|goodbye) (?:to|before|for) (?:you|everyone|all)\b",
    ),
    R(
        "suicide.goodbye.giving_away",
        "suicide",
        ELEVATED,
        r"\b(?:giv(?:e|ing|en)|gave) (?:away )?(?:all )?(?:of )?my (?:things|stuff|belongings|possessions|clothes|jewellery|jewelry|books|pets|dog|cat|plants|favourite \w+)(?: away)?\b(?! to (?:a |the )?(?:charity|charities|charity shop|thrift store|op shop|goodwill|food bank))"
        r"|\b(?:gave|given|giving|give) (?:\w+ ){1,3}my (?:(?:\w+ s|\w+'s|own|favourite|favorite|mum s|nan s|grandmother s|grandma s) )?(?:wedding ring|engagement ring|rings?|jewellery|jewelry|necklace|watch|guitar|journals|diaries|savings|pets?|dog|cat|car|bike|books|records|things|stuff|belongings|possessions)\b(?! back)",
    ),
    # Preparation that names no suicide word: pills put by, letters "in
    # case", rope, visits to a high place, going over how it would be done.
    R(
        "suicide.method.stockpile_put_by",
        "suicide",
        URGENT,
        rf"\b(?:putting|setting|hiding|tucking|squirrelling|squirrel|squirrelled|hid|tucked|put|set|stashing) (?:away|aside|by) (?:(?:a|few|couple|of|my|the|his|her|some|sleeping|spare|extra|one|two|three|each|every|old) ){{0,5}}{DRUG}"
        rf"|\b(?:putting|put|setting|set|squirrelling|squirreled|squirrelled|tucking|tucked) (?:(?:a|few|couple|of|my|the|his|her|some|sleeping|spare|extra|one|two|three|each|every|old) ){{0,5}}{DRUG} (?:aside|by|away)\b(?! (?:the|my|his|her|a|from|for the)\b)"
        rf"|\b(?:the|my|his|her|all|all the|all my|all of my|enough|some|of) (?:\w+ ){{0,2}}?{DRUG} (?:are |is )?(?:all )?(?:saved|saved up|stashed|stashed away|stockpiled|hoarded|put aside|set aside|put by|squirrelled away)\b(?! (?:for (?:the|a|my|our|when we|holiday|trip)|in (?:a|my|the) (?:case|bag|box|organi[sz]er|pill box)))"
        rf"|\b(?:a )?(?:stash|stockpile|hoard|pile) of (?:[\w']+ ){{0,3}}?{DRUG}"
        rf"|\b(?:packets|packs|boxes|bottles|tubs|strips) of {DRUG}[^\n]{{0,50}}\b(?:different|separate|several|other) (?:shops|chemists|pharmacies|stores|supermarkets)\b"
        rf"|\b{DRUG}[^\n]{{0,50}}\bso (?:nobody|no one|they|the pharmacist|the chemist) (?:would|will|could) (?:not )?(?:ask|notice|question|get suspicious)\b",
    ),
    R(
        "suicide.method.stockpile_stopped",
        "suicide",
        URGENT,
        rf"\bstopped taking (?:(?:my|the|all|his|her) ){{0,2}}{DRUG}[^\n]{{0,60}}\b(?:kept|keeping|saving|saved|stashed|stashing|hid|hiding|hidden|storing|stored|collecting|counting) (?:them|every|all|each|it)\b",
        negation_inside=True,
    ),
    R(
        "suicide.method.how_i_would",
        "suicide",
        ELEVATED,
        r"\b(?:thought|think|thinking|thinks|working out|figuring out|wondered|wondering|imagine|imagined|imagining|picture|pictured|picturing|going over|gone over|went over|go over|daydream|daydreaming|dreaming|obsessing) (?:a lot |so much |again |constantly |every night |all the time )?(?:about |of )?(?:exactly )?(?:how|where|when) i (?:would|will|could|might|am going to|should|would have to) (?:do it|end it|go through with it|finish it|go)\b(?= ?$| and (?:where|when|how|what)\b| so | without | before | where | when | with | if |[,;])",
    ),
    R(
        "suicide.plan.how_i_will",
        "suicide",
        URGENT,
        r"\b(?:worked out|figured out|planned|planned out|decided|chosen|know|knowing|sorted out|settled on) (?:exactly |already |now )?(?:how|where|when) (?:i am going to|i will|i would|i am gonna|to) (?:do it|end it|go through with it|finish it)\b(?= ?$| and (?:where|when|how|what)\b| so | without | before | where | when | with | if | on | tonight| tomorrow| this|[,;])",
    ),
    R(
        "suicide.plan.nobody_home",
        "suicide",
        ELEVATED,
        r"\b(?:worked out|figured out|found out|checked|know|knowing|planned|waiting for|wait for|waited for) (?:exactly )?when (?:nobody|no one|nobody else|the house|the flat) (?:will be|is|would be|is going to be|are) (?:home|in|around|here|about|back|empty)\b",
    ),
    R(
        "suicide.plan.nobody_can_stop_me",
        "suicide",
        URGENT,
        r"\b(?:nobody|no one|they|he|she|anyone|anybody) (?:can|could|will|would|is able to) (?:not )?(?:stop|save) me\b(?! from (?:leaving|going|telling|seeing|divorcing|doing this to myself emotionally))|\b(?:do not|does not|did not) want (?:the kids|my kids|my children|the children|my son|my daughter|them|him|her|anyone) to (?:be the ones? (?:who|to|that) )?find me\b|\bthe ones? (?:who|that) (?:finds?|found) me\b|\b(?:will not|would not|are not|is not) (?:be )?the ones? (?:who|to|that) finds? me\b",
        subject="self",
        negation_inside=True,
    ),
    R(
        "suicide.goodbye.letters_in_case",
        "suicide",
        URGENT,
        r"\b(?:wrote|written|writing|write|left|leaving|leave|there are|there is|have) (?:(?:each|all|one|of|to|for|the|my|his|her|kids|children|boys|girls|a|some) )*(?:letters?|notes?|cards?|videos?|messages?)\b[^\n]{0,50}?\b(?:just )?in case(?:(?: (?:something|anything) (?:happens|happened|were to happen|should happen)(?: to me)?| i (?:am not|am gone|do not|will not|can not|die|go|am not here|am not around)\b)|(?= ?$))",
    ),
    R(
        "suicide.goodbye.last_night",
        "suicide",
        URGENT,
        r"\b(?:this is|tonight is|today is|tomorrow is|this will be|it will be|that will be|is going to be|this weekend is|friday is|saturday is|sunday is) (?:going to be )?(?:my|the) (?:very )?last (?:night|day|christmas|birthday|weekend|week|morning|sunrise|sunset)\b(?:(?= ?$)|(?= (?:on (?:this )?earth|alive|ever|anyone|anybody|everyone|you|he|she|they|of my life|i (?:will|am going to) (?:be|see|spend))\b)|(?=[,;] ?(?:i|it|i have|i am|this)\b (?!(?:\w+ ){0,3}(?:in|at|before|with|here|there|off)\b)))",
    ),
    R(
        "suicide.passive.burden_not_long",
        "suicide",
        ELEVATED,
        r"\b(?:will not|would not|am not going to|am not gonna|am not) be (?:a |an |the )?(?:problem|burden|bother|trouble|nuisance|worry|weight|drain|pain|inconvenience|disappointment) (?:to|for|on) (?:anyone|anybody|everyone|everybody|you all|you|them|people|the kids|my kids|my family|the family|any of you|nobody) (?:for )?(?:much longer|any longer|long|anymore|soon|after (?:tonight|today|this|tomorrow|friday|saturday|sunday))\b|\b(?:will not|would not) be (?:a |an )?(?:problem|burden|bother|nuisance|worry) (?:anymore|much longer|for much longer|soon|for long)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.nobody_has_to_deal_with_me",
        "suicide",
        ELEVATED,
        r"\b(?:nobody|no one|anyone|anybody|everyone|everybody|you|they|he|she|the kids|my family|people|you all) (?:\w+ ){0,2}(?:have|has|need|needs) to (?:deal with|put up with|worry about|look after|bother with|cope with|pretend to love|pretend to care about|pretend to like|carry|pay for) me\b(?= (?:anymore|any longer|much longer|for much longer|for long|ever again|again|soon|after (?:tonight|today|tomorrow|this|next|friday|saturday|sunday|monday|tuesday|wednesday|thursday))\b| ?$)|\blast (?:night|day|time|week|christmas) (?:that )?(?:anyone|anybody|you|they|he|she|everyone|people|the kids) (?:\w+ ){0,2}(?:has|have|will have|needs?) to (?:deal with|put up with|worry about|look after|see|hear from|pretend to love|carry) me\b",
        negation_inside=True,
    ),
    R(
        "suicide.plan.burden_after_time",
        "suicide",
        URGENT,
        r"\b(?:nobody|no one|anyone|anybody|everyone|everybody|you|they|he|she|the kids|my family|people|you all) (?:\w+ ){0,2}(?:have|has|need|needs) to (?:deal with|put up with|worry about|look after|bother with|cope with|pretend to love|pretend to care about|carry|pay for) me (?:after|from|by|past) (?:tonight|today|tomorrow|this (?:weekend|week)|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b",
        negation_inside=True,
    ),
    R(
        "suicide.passive.i_will_be_gone",
        "suicide",
        ELEVATED,
        r"\b(?:soon|before long|one day soon|shortly|by next week|by the weekend|after tonight|after this weekend) (?:\w+ ){0,6}?i (?:will|would|am going to) be (?:gone|dead|out of the way|out of everyone s way|out of your way)\b(?! (?:for|by|on|to|away|out|at|before|when|in|from|till|until|all|a|the|with)\b)|\bi will (?:soon |finally )?be (?:gone|out of (?:everyone s|your|the) way) (?:soon|for good|forever|for ever|by (?:tomorrow|monday|the morning))\b|\b(?:once|when|after) i am (?:gone|dead)\b(?! (?:for|on|to|away|out|at|from|with|abroad|shopping|a (?:week|day|few|couple|weekend|month|fortnight|night)|the (?:whole|entire|weekend|week|day|night|month))\b)",
    ),
    R(
        "suicide.passive.never_face_another",
        "suicide",
        ELEVATED,
        r"\b(?:want|wish|wishing|hope|hoping|pray|praying|long) (?:\w+ ){0,4}never (?:have to )?(?:face|see|wake up to|live through|get through|open my eyes to) (?:another|one more) (?:day|morning|night)\b",
        negation_inside=True,
    ),
    R(
        "suicide.method.place_visits",
        "suicide",
        ELEVATED,
        r"\b(?:keep|kept|keeps) (?:going|driving|walking|coming|ending up|finding myself|cycling|stopping) (?:back )?(?:to|past|by|over|up to|onto|out to|at|on) (?:the|that|a) (?:\w+ )?(?:bridge|cliff|cliffs|cliff edge|edge|railway|railway line|tracks|train tracks|level crossing|roof|car park roof|multi storey|viaduct|quarry|pier|overpass|dam)\b(?! (?:where we|we|from our|on my way to work)\b)|\b(?:drove|drive|driving|went|go|going|walked|walk|walking|cycled|cycling|got the bus|took the train) (?:out |up |down |back |over )?(?:to|onto|up to) (?:the|that) (?:\w+ )?(?:bridge|cliff|cliffs|roof|car park roof|multi storey|viaduct|quarry|railway bridge|overpass|dam) again\b|\b(?:stood|standing|stand|sat|sitting|waited|waiting|lingered|lingering) (?:on|at|near|by) the (?:very )?edge of (?:the|a) (?:bridge|roof|cliff|balcony|tracks|platform|car park|viaduct|quarry)\b(?! (?:at|for|with) (?:the|a) (?:party|wedding|view|photo|picture))",
    ),
    R(
        "suicide.method.rope",
        "suicide",
        ELEVATED,
        r"\b(?:bought|buy|buying|ordered|ordering|got|getting|found|hid|hidden|hiding|tied|tying|keep|kept) (?:a |some |the |strong |thick |a length of |a bit of |new )?rope\b(?![^\n]{0,60}\b(?:garden|camping|tent|boat|climbing|washing|line|swing|fence|tow|towing|skipping|dog|gym|craft|crafts|macrame|hammock|trailer|van|moving|boxes|removal|roof rack|tarp|kids|sailing|knots|tree house|treehouse|hanging basket|plants|trellis|shed)\b)",
    ),
    R(
        "suicide.method.research_veiled",
        "suicide",
        URGENT,
        r"\b(?:research|researching|researched|looking up|looked up|googling|googled|reading up on|read up on|reading about|read about|searching for|searched for|searching online for|searched online for) (?:different |the |all the |more )?(?:ways|methods|how to do it|how people do it|what would work|what works)(?= ?$|[,;])"
        rf"|\b(?:which|what) (?:{DRUG}|method|methods|way) (?:would|will|might|could) (?:work|do it|be) (?:best|fastest|quickest|quicker|faster|for sure)\b"
        r"|\b(?:ways?|how) to make it (?:painless|quick|quicker|look like an accident|not hurt)\b",
    ),
    R(
        "suicide.plan.when_i_will_do_it",
        "suicide",
        URGENT,
        r"\b(?:tonight|tomorrow|(?:this |next |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning)?|this weekend|next week|the weekend|that weekend|that night|that day|then) is when i (?:will|am going to|am gonna|plan to|want to) (?:do it|end it|go through with it|finish it)\b|\bthat is when i (?:will|am going to|am gonna|plan to) (?:do it|end it|go through with it)\b",
    ),
    R(
        "suicide.method.research_height",
        "suicide",
        URGENT,
        r"\b(?:looked up|looking up|look up|googled|googling|searched|searching|checked|checking|read up on|reading up on|worked out|measured) (?:\w+ ){0,8}?(?:how high|how tall|how deep|how far down|how long a drop|the height of|the drop from)\b[^\n]{0,40}\b(?:bridge|cliff|cliffs|building|roof|car park|multi storey|viaduct|tower|balcony|drop|fall|quarry)\b"
        r"|\b(?:anyone|anybody|people|you) (?:ever )?(?:survives?|survived|survive) (?:the |a |that )?(?:fall|jump|drop)\b|\b(?:survivable|fatal|deadly) (?:fall|jump|drop|height)\b",
    ),
    R(
        "suicide.prep.affairs_in_order",
        "suicide",
        URGENT,
        r"\b(?:put|putting|left|leaving|wrote|written|writing|got|getting|sorted|sorting|gathered|gathering|organised|organized|organising|organizing) (?:(?:all|out|together|down) )?(?:(?:my|the|all|of) ){0,2}(?:passwords|bank details|pin numbers|pins|insurance details|life insurance|account details|policy documents|funeral wishes|funeral plans)\b[^\n]{0,80}\b(?:so (?:he|she|they|nobody|no one|the kids|my \w+) (?:will not|would not|does not|do not|will never|never) (?:have|has|need|needs) to|for (?:after|when i am gone)|after\b(?= ?$)|in case\b(?= ?$))",
        negation_inside=True,
    ),
    R(
        "suicide.prep.cancelled_future",
        "suicide",
        URGENT,
        r"\b(?:cancelled|canceled|cancelling|canceling|cancel|did not book|not booking|not bothering (?:with|to book)|no point (?:in )?booking|stopped paying for)\b[^\n]{0,60}\b(?:because|since|as|cause) i (?:will not|would not|am not going to) be (?:here|around|alive)\b(?! (?:him|her|them|you|my \w+|people|anymore)\b)",
        negation_inside=True,
    ),
    R(
        "suicide.passive.free_of_it_for_good",
        "suicide",
        ELEVATED,
        r"\b(?:going to|will|about to|soon|finally)(?: finally| soon)? be (?:free|done|rid) (?:of|from|with) (?:it all|all of it|all of this|all this|all this pain|all the pain|everything|this|the pain|this pain|this life|life)\b[^\n]{0,12}\b(?:for good|forever|for ever|permanently)\b",
    ),
    R(
        "suicide.intent.tried_last_night",
        "suicide",
        URGENT,
        r"\b(?:tried|attempted|tried again) to (?:kill myself|end (?:it|my life|it all)|overdose|hang myself)\b",
    ),
)

SUICIDE_CONTEXTS = (
    C(
        "suicide.context.method_rope",
        "suicide",
        "method",
        r"\b(?:bought|buy|buying|got|have|found|tied|tying|have got|hid|hidden|keep) (?:a |the |some |my )?rope\b|\brope (?:in|is in) the (?:garage|shed|loft|car|attic)\b",
    ),
    C(
        "suicide.context.method_place",
        "suicide",
        "method",
        r"\b(?:looking at|look at|stood on|standing on|went to|drove to|walked to|keep going to|keep walking to|sat on|sitting on|stare at|staring at|thinking about|think about|thought about|keep thinking about|thinking of) (?:(?:the|a|that|this) )?(?:\w+ )?(?:bridge|roof|ledge|edge|cliff|railway|tracks|train tracks|balcony)\b",
    ),
    C(
        "suicide.context.method_pills",
        "suicide",
        "method",
        rf"\b(?:enough|all (?:my|of my|his|the|those|these)|a lot of|lots of|a bottle of|a box of|a bunch of|two boxes of|loads of|a stash of) {DRUG}",
    ),
    C(
        "suicide.context.method_drink_and_pills",
        "suicide",
        "method",
        rf"\b(?:bottle of (?:vodka|gin|whisky|whiskey|wine)|vodka|whisky|whiskey) (?:and|with) (?:\w+ ){{0,3}}{DRUG}",
    ),
    C(
        "suicide.context.method_car",
        "suicide",
        "method",
        r"\bcrash(?:ing)? (?:my |the )?car\b|\b(?:into|off) (?:a |the )?(?:bridge|cliff|tree|wall|river|motorway|oncoming)\b",
    ),
    C(
        "suicide.context.method_weapon",
        "suicide",
        "method",
        r"\b(?:his|my|the|a) (?:gun|pistol|rifle|shotgun)\b",
    ),
    C(
        "suicide.context.prep_wont_need",
        "suicide",
        "prep",
        r"\b(?:will not|would not|will never|not going to) (?:need|be needing) (?:them|it|anything|these|those|my \w+|any of (?:it|this|them)|this stuff)\b",
        negation_inside=True,
    ),
    C(
        "suicide.context.prep_peace",
        "suicide",
        "prep",
        r"\bmade (?:my )?peace with (?:it|dying|death|everything|my decision|this)\b|\bmy affairs in order\b|\bsorted (?:out )?my (?:affairs|will|papers)\b|\bafter i am (?:gone|dead)\b|\bwhen i am (?:gone|dead)\b",
    ),
    C(
        "suicide.context.resolve",
        "suicide",
        "resolve",
        r"\b(?:made up my mind|my mind is made up|i have decided|i am decided|no turning back|for real this time|i mean it this time|i know what it is for|i know what i am doing with it|(?:i have |i am )?made my (?:decision|choice)|my decision is made|i have sorted it|it is all sorted)\b",
    ),
    C(
        "suicide.context.jumping",
        "suicide",
        "resolve",
        r"\b(?:and|about|of) (?:just )?jumping\b(?! (?:ship|into|at|back|in|on|the gun|to conclusions|through|for|around|up))",
    ),
    C(
        "suicide.context.want_to_jump",
        "suicide",
        "resolve",
        r"\b(?:want|going|ready|about|need|wanting|tempted) to (?:jump|let go|step off|fall)\b(?! (?:in|into|on|at|ship|back|through|for|the gun|start|ahead|out|up|over|to conclusions))",
    ),
    C(
        "suicide.context.end_it",
        "suicide",
        "resolve",
        r"\b(?:going to|want to|will|ready to|about to|decided to|plan to|need to) (?:just )?(?:end it|do it|finish it)\b(?! with| between)",
    ),
    C(
        "suicide.context.means_at_hand",
        "suicide",
        "method",
        rf"\bi (?:have|have got|got|am holding|am sitting with) (?:the|all the|all my|all of my|enough|a pile of|every one of my) {DRUG}",
    ),
    C(
        "suicide.context.decisive_time",
        "suicide",
        "resolve",
        r"\b(?:tonight|today|tomorrow|this weekend|this week|friday|saturday|sunday|monday|tuesday|wednesday|thursday) (?:is|feels like|seems like|feels) the (?:right )?(?:night|day|time|weekend)\b(?= ?$|[,;]| (?:then|for real|for it)\b)|\b(?:it is|now is) (?:the )?time\b(?= ?$)",
    ),
    C("any.context.timeframe", "any", "timeframe", rf"\b{WHEN}"),
)

# --------------------------------------------------------------------------
# Self-harm.
# --------------------------------------------------------------------------

# Hurting oneself by reading their messages is pain, not injury.
_SH_ACCIDENT = r"\bby (?:reading|looking|checking|going|thinking|replaying|scrolling|stalking|watching|staying|letting|trusting|believing|comparing|searching|asking|talking|listening|rereading|snooping|googling)\b|\bemotionally\b|\b(?:by accident|accidentally|accident|playing|at the gym|in the garden|while cooking|cooking|ironing|baking|washing up|gardening|weeding|fell|tripped|slipped|lifting|chopping|shaving|on the stairs|at work|running)\b|\bon (?:the|a) (?:kettle|oven|stove|hob|cooker|grill|pan|baking tray|oven tray|tray|rose bush|brambles)\b|\b(?:making|cooking) (?:dinner|tea|lunch|breakfast|supper)\b"
# ...unless the same clause says it was no accident: it happens again, it
# was meant or wanted, it had a purpose, it went on until ("i hurt myself
# again while he was out running", "the urge to burn myself on the hob").
_SH_NOT_ACCIDENT = r"\b(?:again|on purpose|deliberately|urges?|wanted to|want to|tempted|to feel|to punish|to cope|to numb|relaps\w*|every time|whenever|until|till)\b"
_BODY = r"(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|head|face|chest|fingers|knuckles|ankle|ankles|body|forearm|forearms|side|sides)\b"

SELF_HARM_RULES: tuple[Rule, ...] = (
    R(
        "self_harm.act.myself",
        "self_harm",
        ELEVATED,
        r"\b(?:cut|cutting|cuts|burn|burning|burns|burned|burnt|scratch|scratching|scratched|scratches|hit|hitting|punch|punching|punched|slap|slapping|slapped|bite|biting|bit|starve|starving|starved|harm|harming|harmed|hurt|hurting|hurts|carve|carving|carved|stab|stabbing|stabbed|bang|banging|banged|choke|choking|strangle|strangling|bruise|bruising|mutilate|mutilating|injure|injuring|injured) myself\b",
        subject="self",
        suppress=_SH_ACCIDENT,
        unless=_SH_NOT_ACCIDENT,
    ),
    R(
        "self_harm.act.self_harm",
        "self_harm",
        ELEVATED,
        r"\bself (?:harm|harming|harmed|harms|injury|injuring|injure)\b",
    ),
    R(
        "self_harm.act.cut_body",
        "self_harm",
        ELEVATED,
        rf"\b(?:cut|cutting|cuts|slice|slicing|sliced|slash|slashing|slashed|carve|carving|carved|burn|burning|burned|burnt|scratch|scratching|scratched|scratches|stab|stabbing|stabbed|gouge|gouging|gouged) (?:(?:\w+ ){{0,2}}?(?:into|on|in) )?my (?:own )?{_BODY}",
        subject="first",
        suppress=_SH_ACCIDENT,
        unless=_SH_NOT_ACCIDENT,
    ),
    R(
        "self_harm.act.hit_body",
        "self_harm",
        ELEVATED,
        rf"\b(?:hit|hitting|punch|punching|punched|slap|slapping|slapped|bang|banging|banged|slam|slamming|slammed|smash|smashing|smashed|pinch|pinching|pinched|bite|biting|bit) my (?:own )?{_BODY}[^\n]{{0,40}}\b(?:on purpose|deliberately|until|till|so hard|to feel|to punish|to stop|against the wall|against the door|in the door|again|whenever|every time|because|as punishment|as a punishment)\b",
        subject="first",
        suppress=_SH_ACCIDENT,
        unless=_SH_NOT_ACCIDENT,
    ),
    R(
        "self_harm.act.cut_intransitive",
        "self_harm",
        ELEVATED,
        r"\bi (?:\w+ ){0,3}?(?:cut|cutting)(?= (?:again|tonight|today|to cope|to feel|to numb|deep|deeper|too deep|last night|when|whenever|because|sometimes|every|so|until|more|now|myself|myself)\b| ?$)",
        suppress=_SH_ACCIDENT,
        unless=_SH_NOT_ACCIDENT,
    ),
    R(
        "self_harm.urge.cut",
        "self_harm",
        ELEVATED,
        r"\b(?:urge|urges|want|wanting|wanted|need|needing|tempted|craving|itching|desperate|started|start|starting|relapsed|stop|stopping|go back to|went back to) (?:\w+ ){0,2}?(?:to )?(?:cut|cutting|burning|scratching)\b(?! (?:him|her|them|it|off|out|up|back|down|ties|contact|corners|my hair|the|his|a|in|class|loose|costs|through|him off|her off|that|this|some|my losses|it out))",
    ),
    R(
        "self_harm.act.wounds",
        "self_harm",
        ELEVATED,
        rf"\b(?:cuts|wounds|gashes|burns|fresh scars|new scars|fresh cuts|new cuts) (?:\w+ ){{0,1}}on my {_BODY}",
        subject="self",
    ),
    R(
        "self_harm.act.until_bleed",
        "self_harm",
        ELEVATED,
        r"\b(?:until|till|til|to make) (?:i|it|they|my \w+) (?:bleed|bleeds|bled|bleeding|is bleeding|are bleeding|raw)\b|\b(?:raw|bloody) again\b",
        subject="first",
    ),
    R(
        "self_harm.act.on_purpose",
        "self_harm",
        ELEVATED,
        r"\b(?:hurt|hurting|hit|hitting|burn|burned|burnt|burning|cut|cutting|bang|banged|slam|slammed|punch|punched|scratch|scratched|bit|bite|biting)\b[^\n]{0,30}\bon purpose\b",
        subject="first",
    ),
    R(
        "self_harm.act.punish_by",
        "self_harm",
        ELEVATED,
        r"\b(?:punish|punishing|punished) myself by (?:hitting|cutting|burning|scratching|starving|punching|hurting|biting|banging|slapping|pinching)\b",
    ),
    R(
        "self_harm.act.subjectless",
        "self_harm",
        ELEVATED,
        r"^(?:cut|cutting|burned|burnt|burning|scratched) (?:again|tonight|last night|today|myself)\b|\b(?:cutting|burning myself|self harm|hurting myself) (?:is the only thing|helps|helped|makes me feel|is how i cope|calms me)\b",
    ),
    R(
        "self_harm.relapse",
        "self_harm",
        ELEVATED,
        r"\b(?:relapse|relapsed|relapsing)(?: on| into| with)? (?:self harm|cutting|burning)\b|\b(?:cutting|burning) relapse\b",
    ),
)

SELF_HARM_RULES += (
    R(
        "self_harm.prep.tools",
        "self_harm",
        ELEVATED,
        r"\b(?:bought|got|ordered|have|hid|hidden|hiding|keep|kept|found) (?:some |new |a new |more |fresh |a pack of |a packet of |a box of |spare )?(?:blades?|razors?|razor blades|sharpeners?)\b[^\n]{0,40}\b(?:to use on myself|for myself|to cut|for cutting|for my (?:arms|legs|thighs)|for when (?:it gets|i need|the urge))\b|\bto use on myself\b",
        subject="first",
    ),
    R(
        "self_harm.act.heat_on_skin",
        "self_harm",
        ELEVATED,
        rf"\b(?:press|pressing|pressed|hold|holding|held|put|putting|touch|touching|touched) (?:a |the |my )?(?:hot |lit |heated )?(?:lighter|cigarette|iron|match|matches|lighter flame|flame|blade|razor|knife|compass|hair straighteners|straighteners|spoon) (?:against|into|onto|on|to) my (?:own )?{_BODY}",
        subject="first",
        suppress=_SH_ACCIDENT,
        unless=_SH_NOT_ACCIDENT,
    ),
)

SELF_HARM_CONTEXTS = (
    C(
        "self_harm.context.severity",
        "self_harm",
        "severity",
        r"\b(?:will not|would not|does not|did not|can not|could not) stop bleeding\b|\b(?:need|needs|needed|probably need|might need|should get|should have had) (?:\w+ )?(?:stitches|a doctor|hospital|a and e|a&e|the er|the hospital|medical help|medical attention)\b|\btoo deep\b|\bdeep enough\b|\b(?:so|really|very) deep\b|\b(?:do not|did not) care how (?:deep|bad)\b|\bbleeding (?:a lot|heavily|badly|everywhere|so much|loads|through)\b|\b(?:lots of|so much|a lot of) blood\b|\bblood everywhere\b|\bblister\w*|\b(?:burned|burnt|cut) (?:myself |it )?(?:badly|really badly|so badly|deep|deeply)\b|\bto the bone\b|\bpassed out\b|\b(?:getting|going|cutting|cut|getting a bit) deeper\b",
        negation_inside=True,
    ),
)

# --------------------------------------------------------------------------
# Harm to others.
# --------------------------------------------------------------------------

_HARM_VERB = r"(?:hurt|kill|murder|stab|shoot|strangle|choke|poison|beat up|beat|bash|attack|harm|punch|maim|smash|slit|cut|batter|strangle)"
_MEANS_VERB = r"(?:stab|shoot|poison|strangle|slit|run over|burn|set fire to)"

# The other person named by role rather than "he" or "she".
_ROLE = (
    r"(?:(?:his|her|my|the|that|this) (?:\w+ )?(?:affair partner|mistress|other woman|other man|lover|"
    r"girlfriend|boyfriend|husband|wife|ex|partner|bitch|whore|slut|bastard|homewrecker|home wrecker)(?:'s| s)?)"
)
# Who a veiled threat is about.
_VEILED_TARGET = rf"(?:him|her|them|that \w+|the other (?:woman|man)|{_ROLE})"

HARM_RULES: tuple[Rule, ...] = (
    R(
        "harm_to_others.intent.hurt",
        "harm_to_others",
        ELEVATED,
        rf"{_I_SOFT}(?:am |have )?(?:{_INTENT}|gonna|wanna|want|would love to|swear i will|swear i am going to) (?:\w+ )?{_HARM_VERB} {TARGET}",
        subject="self",
    ),
    R(
        "harm_to_others.intent.means_verb",
        "harm_to_others",
        URGENT,
        rf"{_I_SOFT}(?:am |have )?(?:going to|will|plan to|planning to|about to|decided to|gonna|swear i will|swear i am going to) (?:\w+ )?{_MEANS_VERB} {TARGET}",
        subject="self",
    ),
    R(
        "harm_to_others.intent.beat_out",
        "harm_to_others",
        ELEVATED,
        rf"{_I_SOFT}(?:am |have )?(?:{_INTENT}|gonna|wanna|want) (?:\w+ )?(?:beat|kick|knock|smash) the (?:crap|shit|hell|life|living daylights) out of {TARGET}|{_I_SOFT}(?:am |have )?(?:{_INTENT}|gonna|wanna|want) (?:\w+ )?make {TARGET} (?:bleed|suffer physically)",
        subject="self",
    ),
    R(
        "harm_to_others.thought.hurt",
        "harm_to_others",
        ELEVATED,
        rf"{_I}(?:\w+ ){{0,3}}(?:think|thinking|thought|fantasi[sz]e|fantasi[sz]ing|fantasi[sz]ed|dream|dreaming|dreamt|imagine|imagining|imagined|picture|picturing) (?:about |of )?(?:\w+ )?(?:hurting|killing|murdering|stabbing|shooting|strangling|choking|poisoning|beating|attacking|harming|running|smashing) (?:{TARGET}|his (?:car|face|head)|her (?:car|face|head))",
        subject="self",
    ),
    R(
        "harm_to_others.fear_of_self",
        "harm_to_others",
        ELEVATED,
        rf"\b(?:afraid|scared|worried|terrified|frightened|fear) (?:that )?i (?:will|might|could|am going to|would|may|will end up|might end up) (?:\w+ ){{0,2}}?(?:hurt|harm|kill|attack|hit) {TARGET}",
        subject="self",
    ),
    R(
        "harm_to_others.means.bought_for",
        "harm_to_others",
        URGENT,
        rf"{_I}(?:have |just |already )?(?:bought|got|purchased|ordered|sharpened|loaded|found) (?:(?:a|the|my|his|some|rat|big|sharp) ){{0,2}}(?:{WEAPON}|poison) (?:for|to use on|to kill|to hurt|to get|to deal with) {TARGET}",
        subject="self",
    ),
    R(
        "harm_to_others.means.poison_drink",
        "harm_to_others",
        URGENT,
        r"\b(?:put|putting|slip|slipping|add|adding|mix|mixing|spike|spiking|lace|lacing) (?:rat poison|poison|bleach|antifreeze|something|pills|drugs|his pills|her pills) (?:in|into) (?:his|her|their) (?:drink|coffee|tea|food|dinner|wine|beer|water|meal|lunch)\b",
        subject="first",
    ),
    R(
        "harm_to_others.means.run_over",
        "harm_to_others",
        URGENT,
        rf"\b(?:{_INTENT}|gonna|want) (?:\w+ )?(?:run|mow) (?:him|her|them|that \w+) (?:over|down)\b",
        subject="first",
    ),
    R(
        "harm_to_others.means.with_them_in_it",
        "harm_to_others",
        URGENT,
        r"\b(?:burn|burning|torch|set fire to|blow up|crash) (?:\w+ ){0,4}with (?:him|her|them) (?:still )?in(?:side)? (?:it|there)\b",
        subject="first",
    ),
    R(
        "harm_to_others.plan.watching",
        "harm_to_others",
        ELEVATED,
        rf"{_I}(?:\w+ ){{0,3}}(?:sitting|sat|parked|parking|park|waiting|waited|watching|watched|hiding|lurking|sit) (?:in (?:the|my) car )?(?:outside|near|across from|opposite|by|down the road from) (?:her|his|their|{_ROLE}) (?:house|home|flat|work|office|place|door|gym|building)\b[^\n]{{0,40}}\b(?:at night|every night|for hours|watching|all night|again|in the dark|until (?:she|he|they)|when (?:she|he|they))\b",
        subject="self",
    ),
    R(
        "harm_to_others.plan.planned_how",
        "harm_to_others",
        URGENT,
        rf"\b(?:planned|planning|worked out|figured out|know) (?:exactly )?how (?:i am going |i will |i would |i could )?(?:to )?(?:kill|hurt|murder|get rid of) {TARGET}",
        subject="first",
    ),
)

HARM_CONTEXTS = (
    # Revenge without a harm verb ("make her pay", "she'll regret it", "I've
    # got something for her"). Alone it is anger, and never fires; next to a
    # weapon or a plan (where she lives, when he gets home) it is a threat.
    C(
        "harm_to_others.context.veiled",
        "harm_to_others",
        "veiled",
        rf"{_I_SOFT}(?:am )?(?:going to|will|gonna|am gonna|swear i will|swear i am going to|want to|need to|intend to|plan to) (?:\w+ )?(?:(?:make|see) {_VEILED_TARGET} (?:pay|suffer|regret|sorry)|teach {_VEILED_TARGET} a lesson|get (?:even with|back at|revenge on|my revenge on) {_VEILED_TARGET}|get {_VEILED_TARGET} back|finish {_VEILED_TARGET}|take care of {_VEILED_TARGET}|sort {_VEILED_TARGET} out|shut {_VEILED_TARGET} up for good)\b(?! (?:in court|through the courts|with (?:a|my) (?:lawyer|solicitor)|every penny|in the divorce|financially)\b)"
        r"|\b(?:she|he|they|that \w+|the other (?:woman|man)) (?:will|is going to|is gonna|are going to|will soon|is about to) (?:regret (?:it|this|that|what|the day|ever|everything|messing|touching|crossing|going near|laying)|pay\b(?! (?:the|for the (?:house|kids|divorce|lawyer|solicitor)|me back|maintenance|child support|rent|half|her share|his share|back))|be sorry|get what is coming|find out what (?:\w+ ){0,2}feels like|learn (?:the hard way|what it feels like)|not (?:get away with|walk away from|live)|never (?:hurt|do this to|touch|look at) (?:anyone|anybody|me|another)|wish (?:she|he|they) (?:had|would) never)"
        rf"|\b(?:want|wish|need) {_VEILED_TARGET} to (?:hurt|suffer|bleed|feel pain|feel what i feel)\b"
        rf"|\bi (?:have|have got|got) (?:something|a surprise) (?:special )?(?:(?:in|at|under|by) (?:the|my) \w+ )?(?:for|planned for|in store for|waiting for|lined up for) {_VEILED_TARGET}\b(?! (?:for (?:her|his|their) birthday|for christmas))"
        r"|\b(?:get|getting|gets) what is coming to (?:her|him|them)\b"
        r"|\b(?:she|he|they) (?:will not|is not going to|are not going to) (?:get away with (?:it|this|that|what)|live to see|see (?:another|the next) (?:christmas|birthday|summer))\b",
        subject="self",
        negation_inside=True,
    ),
    C(
        "harm_to_others.context.means",
        "harm_to_others",
        "means",
        rf"{_I}(?:\w+ ){{0,2}}(?:bought|got|have|grabbed|took|hid|hidden|sharpened|loaded|keep|kept|found|brought)(?: out)? (?:[\w']+ (?:s )?){{0,4}}?(?:{WEAPON}|poison|rat poison)|\b(?:reading|read|looked up|looking up|googled|googling|researching|researched|searched) (?:about |up on |up )?(?:what|how much|how many|whether|if) (?:(?:his|her|their|the) )?{DRUG}[^\n]{{0,30}}\b(?:alcohol|drink|drinking|wine|vodka|beer|whisky)\b|\b(?:{WEAPON}) (?:is )?(?:ready|loaded|sharpened|by the door|in my bag|in the car|under my pillow)\b",
        subject="self",
    ),
    C(
        "harm_to_others.context.plan",
        "harm_to_others",
        "plan",
        rf"\b(?:know|found|found out|looked up|have|worked out|figured out) (?:exactly )?where (?:she|he|they|{_ROLE}) (?:lives|live|works|work|parks|park|sleeps|will be|goes|go|stays|is staying|drinks|trains|works out|runs|walks|picks up|drops off|takes the kids)\b|\b(?:know|found|found out|looked up|have|worked out) (?:exactly )?where (?:her|his|their|{_ROLE}) (?:\w+ )?(?:flat|house|home|place|office|work|car|gym|school) is\b|\bfound (?:her|his|their) (?:address|house|flat|car)\b|\b(?:waiting|wait|will wait|sitting|sat|parked|watching|hiding|hide) (?:for (?:him|her|them)\b|outside (?:her|his|their) (?:house|home|work|office|flat|place|door))"
        rf"|\bknow (?:exactly )?(?:which|what) (?:\w+ ){{1,2}}(?:she|he|they|{_ROLE}) (?:goes|go|drives|drive|uses|use|takes|take|parks|park|lives|live|works|work|drinks|drink|trains|train)\b"
        r"|\bknow (?:exactly )?when (?:he|she|they) (?:gets home|get home|leaves|finishes|is alone|are alone|goes out|is home)\b",
    ),
    C(
        "harm_to_others.context.resolve",
        "harm_to_others",
        "resolve",
        r"\bi (?:will|am going to|am gonna) (?:make sure of (?:it|that)|see to (?:it|that))\b|\bmark my words\b|\bwatch (?:me|this space)\b(?= ?$)|\b(?:i am|i am not) (?:not )?(?:joking|kidding) (?:about (?:this|it)|this time)\b"
        r"|\b(?:i do not|i am not talking about|i did not|not) (?:mean|talking about) (?:her|his|their) (?:feelings|heart|pride|reputation)\b|\b(?:hurt|suffer) physically\b",
        subject="self",
        negation_inside=True,
    ),
    # A moment when the other person is within reach. It names "he" or
    # "she" by nature, so the who-is-this-about check is skipped.
    C(
        "harm_to_others.context.plan_when",
        "harm_to_others",
        "plan",
        r"\bwhen (?:he|she|they) (?:falls asleep|fall asleep|is asleep|are asleep|sleeps|gets home|get home|comes home|come home|leaves work|leave work|answers the door|finishes work|finishes (?:her|his|their) shift|gets off work|gets out of work|walks to (?:her|his|their) car|leaves the gym|is alone|are alone)\b"
        r"|\bwhen (?:he|she|they) opens? (?:the|her|his|their|that|this) (?:front |back )?door\b",
        subject="self",
    ),
    C(
        "harm_to_others.context.plan_move",
        "harm_to_others",
        "plan",
        r"\b(?:follow|following|followed|track|tracking|tracked) (?:her|him|them) (?:home|to work|to her house|to his house)\b",
    ),
)

# --------------------------------------------------------------------------
# Abuse: danger from a partner.
# --------------------------------------------------------------------------

_FEAR = r"\b(?:scared|afraid|terrified|frightened|fearful|petrified|worried|fear|think|know|convinced|sure)"

# Everyday reasons a partner "will kill me": money, a mess, the car, being
# late, forgetting. Only the plain prediction is switched off by them.
_EVERYDAY_REASON = (
    r"\b(?:bill|bills|phone bill|mess|messy|car|late|forgot|forget|forgetting|spent|spend|spending|"
    r"shopping|credit card|overdraft|dent|dented|scratch|scratched|scratching|broke|broken|"
    r"lost|parking ticket|speeding ticket|fine|receipt|dishes|washing up|laundry|bins|haircut|"
    r"tattoo|new sofa|shoes|price|parcel|parcels|delivery|burnt the|burned the|left the "
    r"(?:door|back door|front door|lights|oven|tap|window|gate|iron|heating)|"
    r"door open|mud|carpet|wine stain|the dog|the cat|holiday|cost|costs|amazon|ebay)\b"
)

ABUSE_RULES: tuple[Rule, ...] = (
    # Immediate danger: strangling, threats to kill, weapons, confinement.
    R(
        "abuse.urgent.choked",
        "abuse",
        URGENT,
        rf"{BY_PARTNER}(?:choked|chokes|choking|choke|strangled|strangles|strangling|strangle|throttled|throttles|suffocated|suffocates|smothered|smothers) me\b",
    ),
    R(
        "abuse.urgent.hands_on_throat",
        "abuse",
        URGENT,
        r"\b(?:hands?|arm|arms|fingers|belt|rope|cord|knee|pillow) (?:around|round|on|over|across|against) my (?:throat|neck|mouth|face and nose)\b|\b(?:grabbed|grabs|squeezed|squeezes|held|holds|pinned|pins) me by (?:the|my) (?:throat|neck)\b|\b(?:grabbed|grabs|squeezed|squeezes|held|holds|gripped|grips) my (?:throat|neck)\b",
        subject="last",
    ),
    R(
        "abuse.urgent.i_was_choked",
        "abuse",
        URGENT,
        r"\bi (?:was|got|have been|had been|am being|keep getting|get) (?:choked|strangled|throttled|suffocated|locked in|locked up)\b",
    ),
    R(
        "abuse.urgent.threat_to_kill",
        "abuse",
        URGENT,
        r"\bthreat\w* (?:to )?(?:kill|murder|shoot|stab|strangle|choke|bury|end) (?:me|us|my life)\b|\bthreatened my life\b",
    ),
    R(
        "abuse.urgent.said_will_kill",
        "abuse",
        URGENT,
        r"\b(?:said|says|told me|tells me|swore|swears|promised|promises|screamed|yelled|shouted|keeps saying|kept saying|texted|wrote|warned me|warns me) (?:that )?(?:(?:next time|one day|someday|one of these days|if i \w+(?: \w+)?) )?(?:he|she|they)(?: would| will| is going to| was going to| is gonna| were going to)? (?:\w+ )?(?:kill|murder|shoot|stab|strangle|choke|bury|end) (?:me|us|us all|all of us|me and the kids)\b",
    ),
    R(
        "abuse.urgent.fear_killed",
        "abuse",
        URGENT,
        rf"{_FEAR} (?:that )?{PARTNER}(?: is| are| was)?(?: going to| will| would| might| may| could| is gonna| wants to| is trying to)? (?:\w+ ){{0,3}}?(?:kill|murder|shoot|stab|strangle|choke) me\b|\b(?:scared|afraid|terrified|fearing|fear) for my (?:life|safety)\b",
    ),
    R(
        "abuse.urgent.will_kill_if",
        "abuse",
        URGENT,
        rf"{PARTNER}(?: will| would| is going to| is gonna)? (?:\w+ )?(?:kill|murder|shoot) me (?:if|when|the day|the moment)\b",
        # "He's going to kill me when he sees the bill" is hyperbole about an
        # everyday thing; a reported threat ("he said he'd kill me if I'm
        # late") is caught by abuse.urgent.said_will_kill, which has no such
        # exception, and so is fear ("I'm scared he'll kill me").
        suppress=_EVERYDAY_REASON,
        suppress_scope="sentence",
    ),
    R(
        "abuse.urgent.dead_if",
        "abuse",
        URGENT,
        r"\b(?:tells|told|telling|says|said|saying|warned|warns) me (?:that )?(?:i am|i would be|i will be|i will end up|you are) (?:dead|six feet under)\b",
    ),
    R(
        "abuse.urgent.leave_alive",
        "abuse",
        URGENT,
        r"\b(?:never|not) (?:leave|get out of|make it out of|walk out of) (?:this|the|that) (?:house|home|room|marriage|relationship|flat)? ?alive\b|\bwith me (?:still )?in (?:it|there|the house)\b",
        negation_inside=True,
    ),
    R(
        "abuse.urgent.weapon_at_me",
        "abuse",
        URGENT,
        rf"\b(?:point(?:ed|s|ing)?|aim(?:ed|s|ing)?|wave(?:d|s)?|waving|held|holds|holding|pulled|pulls|put|puts|pressed|presses) (?:a |his |her |the |their |my )?(?:{WEAPON}) (?:at|to|against|on|in) (?:me\b|my)|\bthreat\w* me with (?:a |his |her |the )?(?:{WEAPON})|\b(?:came|comes|coming|went|goes|lunged|ran|charged) (?:at|after|for) me with (?:a |his |her |the )?(?:{WEAPON})|\b(?:attacked|attacks|chased|chases|cut|stabbed|shot) me with (?:a |his |her |the )?(?:{WEAPON})|\b(?:stabbed|shot at|fired at) me\b|\b(?:following|chasing|came|coming|standing over|stood over|walking towards|cornered) me (?:\w+ ){{0,4}}with (?:a |his |her |the )(?:{WEAPON})",
    ),
    R(
        "abuse.urgent.locked_in",
        "abuse",
        URGENT,
        rf"{BY_PARTNER}(?:locked|locks|locking|lock|trapped|traps|trapping|shut|shuts|barricaded|keeps|kept) me (?:in|inside|up|in the \w+|into)\b",
    ),
    R(
        "abuse.urgent.locked_doors",
        "abuse",
        URGENT,
        r"\blocked (?:all )?(?:the )?(?:doors|door|windows) so (?:that )?i (?:could not|can not|could never|would not be able to) (?:leave|get out|escape)\b",
        negation_inside=True,
    ),
    R(
        "abuse.urgent.wont_let_leave",
        "abuse",
        URGENT,
        rf"{PARTNER} (?:\w+ )?(?:will not|would not|does not|did not|never|refuses to|refused to) (?:let|allow) me (?:to )?(?:leave|out|get out|escape|go out of the (?:house|room)|out of the (?:house|room|flat))\b",
        negation_inside=True,
    ),
    # Veiled threats to kill, told to the member: "you won't live to see
    # it", "nobody would find your body", "you're not leaving this house".
    R(
        "abuse.urgent.wont_survive",
        "abuse",
        URGENT,
        r"\b(?:said|says|told me|tells me|warned me|warns me|threatened|swore|swears|texted|wrote|screamed|shouted|keeps saying|kept saying|keeps telling me|reminded me|reminds me) (?:that )?(?:(?:\w+ ){0,8}?)(?:i|you) (?:will not|would not|are not going to|am not going to|will never|would never) (?:live|survive|be alive|be breathing|make it|see) (?:to see|long enough|through|out of|past|another|the next|the end of|much longer)\b"
        r"|\b(?:said|says|told me|tells me|warned me|warns me|threatened|swore|swears|texted|wrote|screamed|keeps saying|keeps telling me|reminded me|reminds me)\b[^\n]{0,50}\b(?:find|found|finds|hide|bury|dump) (?:my|your) body\b",
        negation_inside=True,
    ),
    R(
        "abuse.urgent.not_leaving",
        "abuse",
        URGENT,
        r"\b(?:said|says|told me|tells me|screamed|shouted|warned me|warns me|swore|swears) (?:that )?(?:i am|i was|you are|you were|i would not be|you will not be|i will not be|i can not|you can not) (?:not )?(?:going|leaving|allowed to (?:go|leave)|go|leave|able to leave) (?:anywhere|out of (?:this|the) (?:house|room|flat)|this (?:house|room|flat)|the (?:house|room|flat))\b",
        negation_inside=True,
    ),
    R(
        "abuse.urgent.weapon_shown",
        "abuse",
        URGENT,
        rf"{PARTNER} {GAP}(?:put|puts|laid|lays|placed|places|slammed|slams|left|leaves|cleaned|cleans|loaded|loads|sharpened|sharpens) (?:a |his |her |their |the )(?:{WEAPON}) (?:on the (?:table|bed|counter|pillow)|in front of me|next to me|where i (?:could|can|would) see)\b",
    ),
    R(
        "abuse.threat.weapon_shown",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:showed|shows|show) me (?:where (?:he|she|they) (?:keeps|keep|hides|hide|put|puts|kept) )(?:a |his |her |their |the )(?:{WEAPON})",
    ),
    R(
        "abuse.threat.accidents_happen",
        "abuse",
        ELEVATED,
        r"\b(?:said|says|told me|tells me|warned me|warns me|reminded me|reminds me|keeps telling me|keeps reminding me|keeps saying|joked|jokes|joking) (?:that )?(?:\w+ ){0,4}?accidents (?:happen|can happen|do happen)\b",
    ),
    # Abuse disclosures: violence, fear, control, stalking with threats.
    R(
        "abuse.violence.hit",
        "abuse",
        ELEVATED,
        rf"{BY_PARTNER}(?:hit|hits|hitting|punched|punches|punch|punching|slapped|slaps|slap|slapping|smacked|smacks|kicked|kicks|kick|kicking|shoved|shoves|shove|shoving|pushed|pushes|push|pushing|beat|beats|beaten|beating|bit|bites|headbutted|attacked|attacks|assaulted|assaults|grabbed|grabs|dragged|drags|pinned|pins|elbowed|whacked|bruised|burned|burnt|spat on|spits on|spat at|threw|throws|tripped|knocked|hurt physically|physically hurt|battered|body slammed|restrained) me\b(?<!knocked me)(?! (?:to|into) (?!the |a |my |his |her ))(?! with (?:guilt|the news|the truth|questions|a question|words|insults|accusations|excuses|lies|his lies|her lies|the fact|that|this|a bombshell|the bill|an ultimatum|demands|silence|the silent|the divorce|divorce|the papers|papers|a lawsuit|a confession|his confession|the revelation))",
    ),
    R(
        "abuse.violence.knocked",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:knocked|knocks) me (?:down|out|over|unconscious|to the (?:floor|ground))\b",
    ),
    R(
        "abuse.violence.throws_at_me",
        "abuse",
        ELEVATED,
        rf"{BY_PARTNER}(?:throws|threw|throwing|hurled|hurls|hurling|chucked|chucks) (?:things|stuff|objects|plates|a \w+|his \w+|her \w+|\w+) at (?:me|my (?:head|face))\b",
    ),
    R(
        "abuse.violence.near_my_head",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:punched|punches|hit|hits|kicked|kicks|smashed|smashes|slammed|slams) (?:the|a|his|her) (?:wall|door|window|table|mirror) (?:right )?(?:next to|beside|by|near|inches from|behind|above) (?:my|me)\b",
    ),
    R(
        "abuse.violence.on_me",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:sat|sits|knelt|kneeled|kneels|lay|lies|stood|stands) on (?:me|my (?:chest|neck|back|arms|stomach))\b",
    ),
    R(
        "abuse.violence.grabbed_my",
        "abuse",
        ELEVATED,
        rf"{BY_PARTNER}(?:grabbed|grabs|twisted|twists|yanked|yanks|pulled|pulls|squeezed|bent|dragged) my (?:wrist|wrists|arm|arms|hair|hand|hands|face|jaw)\b",
    ),
    R(
        "abuse.violence.head_against",
        "abuse",
        ELEVATED,
        rf"{BY_PARTNER}(?:slammed|slams|banged|bangs|smashed|smashes|hit|hits|pushed|pushes|shoved|shoves|threw|throws) my (?:head|face|body) (?:against|into|on|through)\b",
    ),
    R(
        "abuse.violence.i_was_hit",
        "abuse",
        ELEVATED,
        r"\bi (?:was|got|have been|had been|am being|keep getting|get) (?:hit|punched|slapped|kicked|beaten|beaten up|pushed|shoved|attacked|assaulted|raped|thrown|dragged|bitten|spat on) by (?:him|her|them|my (?:husband|wife|partner|boyfriend|girlfriend|ex|fiance|fiancee|spouse))\b",
    ),
    R(
        "abuse.violence.violent",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:gets|get|got|becomes|became|is|was|can be|turns|turned|been|getting) (?:so |really |very |more |physically )?(?:violent|physical|aggressive)\b(?! (?:with|towards|toward|to) (?:her|him|them|others|his|the|other|people))",
    ),
    R(
        "abuse.violence.sexual",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:forces|forced|forcing|force|pressures|pressured|made|makes|coerced|coerces) me (?:to )?(?:have sex|into sex|do sexual|do things i|sleep with)|{PARTNER} {GAP}(?:raped|rapes|sexually assaulted|sexually assaults|molested) me\b",
    ),
    R(
        "abuse.violence.laid_hands",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:laid|lays|put|puts) (?:a |his |her )?(?:hand|hands|finger) on me\b",
    ),
    R(
        "abuse.fear.scared_of_partner",
        "abuse",
        ELEVATED,
        r"\b(?:scared|afraid|terrified|frightened|fearful|petrified) (?:of|to death of) (?:him|her|them|my (?:husband|wife|partner|boyfriend|girlfriend|ex|fiance|fiancee|spouse|ex husband|ex wife))\b(?! \w+ing\b)(?! (?:finding|knowing|seeing|leaving))",
    ),
    R(
        "abuse.fear.will_hurt_me",
        "abuse",
        ELEVATED,
        rf"{_FEAR} (?:that )?{PARTNER}(?: is| are| was)?(?: going to| will| would| might| may| could| is gonna| wants to)? (?:\w+ )?(?:hurt|hit|beat|harm|attack|rape|punch|do something to) me\b",
    ),
    R(
        "abuse.threat.said_will_hurt",
        "abuse",
        ELEVATED,
        rf"\b(?:said|says|told me|tells me|swore|swears|threatened|threatens|threatening|keeps saying|warned me|warns me) (?:that )?(?:he|she|they)(?: would| will| is going to| was going to| is gonna)? (?:\w+ )?(?:hurt|hit|beat|harm|use it on|make me pay|find me|ruin) me\b|\bthreat\w* (?:to )?(?:[\w ]{{0,30}} )?(?:hurt|harm|hit|beat|attack) me\b|{PARTNER} {GAP}(?:threatened|threatens|threatening|intimidates|intimidated) me\b",
    ),
    R(
        "abuse.threat.if_i_leave",
        "abuse",
        ELEVATED,
        r"\b(?:said|says|saying|told me|tells me|threatened|threatens|swore|swears|warned|warns|texted|wrote|keeps saying)[^\n]{0,50}\b(?:find me|regret it|regret this|be sorry|make me pay|use it|use it on me|never see the kids|will know)\b[^\n]{0,30}\bif i\b|\bif i (?:ever )?(?:leave|left|go|try to leave|tell|told|divorce|call|report|talk)\b[^\n]{0,40}\b(?:he|she|they) (?:will|would) (?:find me|make me pay|make me regret|use it|hurt me|know)\b|\b(?:note|message|text|texts|voicemail|letter) saying (?:i will|i would|i am going to) (?:regret|pay|be sorry)|\b(?:said|says|told me|tells me|threatened|threatens|swore|swears|warned|warns|keeps saying) (?:that )?if i (?:ever )?(?:leave|left|go|try to leave|tell|divorce|call|report)\b[^\n]{0,60}\b(?:find me|regret|be sorry|make me pay|hurt me|never see the kids|take the kids|ruin me|destroy me)\b",
        negation_inside=True,
    ),
    R(
        "abuse.threat.suicide_coercion",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:threatens|threatened|threatening|says|said|keeps saying|will|would|is going to|swears|swore)(?: to| that he will| that she will| he will| she will| he would| she would| he is going to| she is going to)? (?:kill|hurt|harm) (?:himself|herself|themselves)\b[^\n]{{0,60}}\b(?:if i|every time i|whenever i|when i|unless i)\b|\bif i (?:leave|go|divorce|tell)\b[^\n]{{0,40}}\b(?:he|she|they) (?:will|would|is going to|says he will|says she will|said he would|said she would) (?:\w+ ){{0,2}}(?:kill|hurt|harm) (?:himself|herself|themselves)\b",
    ),
    R(
        "abuse.control.controls",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:controls|controlled|control|controlling|takes|took|keeps|kept|holds|withholds|withheld) (?:all )?(?:of )?(?:everything|the money|all the money|my money|the finances|our money|all our money|my phone|my bank|my card|my cards|my wages|my salary|my paycheck|my pay|my benefits|my passport|my car keys|my keys|what i|who i|where i|my every move)\b",
    ),
    R(
        "abuse.control.permission",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:makes|made|forces|forced) me (?:to )?(?:ask|beg) (?:for )?(?:his |her |their )?permission\b",
    ),
    R(
        "abuse.control.wont_let_me",
        "abuse",
        ELEVATED,
        rf"{PARTNER} (?:\w+ )?(?:will not|would not|does not|did not|never|refuses to|refused to) (?:let|allow) me (?:to )?(?:see|have|go|work|drive|use|call|talk|visit|get|eat|sleep|speak|text|wear|keep|contact)\b",
        negation_inside=True,
    ),
    R(
        "abuse.control.surveillance",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:tracks|tracked|tracking|track|traces|monitors|monitored|monitoring|checks|checked|checking|goes through|went through|spies on|spied on|spying on|listens to|records|recorded|bugged|hacked|hacks) my (?:phone|location|messages|texts|emails|email|car|every move|calls|laptop|whereabouts)\b|\b(?:installed|put|puts|hid|hidden|placed|planted|fitted)(?: a| an| the)? (?:tracker|tracking app|tracking device|tracking software|spyware|stalkerware|gps|gps tracker|airtag|air tag|camera|cameras|hidden camera|recording device)(?: app)?(?: back)? (?:on|in|under|into) my\b",
    ),
    R(
        "abuse.control.stalking",
        "abuse",
        ELEVATED,
        rf"{PARTNER} {GAP}(?:follows|followed|following|stalks|stalked|stalking|turns up at|shows up at|showed up at|turned up at) (?:me\b|my (?:work|house|flat|job|school|car|parents|mum s|friend s))",
    ),
    R(
        "abuse.control.took_phone_for_help",
        "abuse",
        ELEVATED,
        r"\bso i (?:could not|can not|could never) (?:call|get|ask|text|reach) (?:for )?(?:help|the police|anyone|anybody|my \w+)\b",
        negation_inside=True,
    ),
    R(
        "abuse.danger.hiding",
        "abuse",
        ELEVATED,
        r"\b(?:hiding|hid|locked myself|barricaded myself) (?:in (?:the|my) \w+ )?from (?:him|her|them|my (?:husband|wife|partner|boyfriend|girlfriend|ex))\b",
    ),
)

# Abuse and harm-to-others patterns name both people themselves ("he ... me",
# "i ... him"), so the general who-is-this-about check is switched off.
ABUSE_RULES = tuple(replace(r, subject="self") if r.subject == "last" else r for r in ABUSE_RULES)
HARM_RULES = tuple(replace(r, subject="self") if r.subject == "last" else r for r in HARM_RULES)

ABUSE_CONTEXTS = (
    C(
        "abuse.context.weapon",
        "abuse",
        "weapon",
        rf"{PARTNER} {GAP}(?:has|have|keeps|kept|owns|bought|got|carries|hid|hides|sleeps with) (?:a |his |her |the |their |several |two )?(?:{WEAPON})",
    ),
    C(
        "abuse.context.use_it",
        "abuse",
        "weapon",
        r"\b(?:use it|use them|use the (?:gun|knife)) (?:on me|if i|when i)\b",
    ),
    C(
        "abuse.context.breath",
        "abuse",
        "present",
        r"\b(?:could not|can not|could barely|can barely|could hardly) breathe\b|\bblacked out\b|\bpassed out\b|\blost consciousness\b",
        negation_inside=True,
    ),
    C(
        "abuse.context.present_danger",
        "abuse",
        "present",
        r"\bi am hiding\b|\bhiding in the\b|\b(?:he|she|they) (?:is|are) (?:outside|at the door|coming|on (?:his|her|their) way|banging|breaking|kicking|smashing|throwing|punching|screaming and|trying to get in)\b|\bright now\b",
    ),
)

# --------------------------------------------------------------------------
# How findings combine.
# --------------------------------------------------------------------------

ESCALATIONS = (
    Escalation("suicide", "timeframe", 0),
    Escalation("suicide", "method", 1),
    Escalation("suicide", "prep", 1),
    Escalation("suicide", "resolve", 0),
    Escalation("harm_to_others", "means", 1),
    Escalation("harm_to_others", "plan", 1),
    Escalation("harm_to_others", "timeframe", 0),
    Escalation("self_harm", "severity", 1),
    Escalation("abuse", "weapon", 1),
    Escalation("abuse", "present", 0),
)

COMBINATIONS = (
    Combination(
        "suicide",
        frozenset({"method"}),
        frozenset({"resolve", "timeframe", "prep"}),
        1,
        "suicide.combined.method_and_resolve",
    ),
    Combination(
        "harm_to_others",
        frozenset({"means"}),
        frozenset({"plan"}),
        1,
        "harm_to_others.combined.means_and_plan",
    ),
    Combination(
        "harm_to_others",
        frozenset({"veiled"}),
        frozenset({"means", "plan", "resolve"}),
        1,
        "harm_to_others.combined.veiled_threat",
    ),
)

# --------------------------------------------------------------------------
# Idioms, blanked out before the rules run.
# --------------------------------------------------------------------------

IDIOMS = (
    r"\bdead (?:tired|on my feet|beat|set|serious|end|ends|line|lines)\b",
    r"\bdeadline\b",
    r"\bdying (?:to|for) (?:know|see|hear|tell|meet|try|get|go|find|ask|a|an|some)\b",
    r"\b(?:could|would|i would) (?:just )?(?:kill|strangle|murder|throttle|choke|wring) (?:him|her|them|you|for|someone|somebody|his neck|her neck)\b",
    r"\b(?:is|are|was|were|it is|that is|this is|keeps|kept|been|slowly|honestly|literally) (?:slowly |honestly |literally |really |just )?killing me\b",
    r"\bkilling it\b",
    r"\b(?:feet|back|head|knees|legs|neck|shoulders|hips|hands|eyes|tooth|teeth|stomach) (?:is|are|was|were|have been|has been) killing me\b",
    r"\bto die for\b",
    r"\b(?:nearly|almost|could have|could've|practically|literally|basically|just about) died\b",
    r"\b(?:die|died|dying) (?:of|from|with) (?:embarrassment|shame|laughter|laughing|boredom|envy|curiosity|jealousy|happiness|cuteness)\b",
    r"\bkill(?:ing)? myself (?:at|with|trying|working|laughing|to (?:please|make|keep|get|finish|pay))\b",
    r"\bkill (?:him|her|them|it|you) with kindness\b",
    r"\b(?:died|dying|die) laughing\b",
    r"\brather (?:die|be dead) than\b",
    r"\b(?:joke|video|meme|show|film|movie|that|this|story|comment|text|reply|face) (?:just |literally |actually )?killed me\b",
    r"\bi am (?:so |literally |actually )?dead\b(?=[^\n]{0,40}\blol\b)",
    r"\blol\b[^\n]{0,20}\bi am (?:so |literally )?dead\b",
    r"\bthe death of me\b",
    r"\b(?:battery|phone|laptop|car|plant|plants|charger|conversation|tv|wifi|engine|garden|flowers) (?:has |had |just |finally )?(?:died|dead|dying)\b",
    r"\bshot myself in the foot\b",
    r"\b(?:scared|bored|sick|worried|frightened|tired|freezing|starving) to death\b",
    r"\bdead to me\b",
    r"\b(?:would|i would|will) (?:die|kill|take a bullet) for (?:my|you|him|her|them|a|some|an|the)\b",
    r"\b(?:kill|killing|killed) (?:the )?time\b",
    r"\b(?:killer|killing) (?:headache|heels|outfit|migraine)\b",
    r"\bcut(?:ting|s)? (?:him|her|them|ties|contact|it|things|my losses) (?:out|off)?\b",
    r"\bcut (?:up|out|off) (?:his|her|their|the)\b",
    r"\bcut (?:my|his|her) (?:hair|nails|fringe|hours|losses)\b",
    r"\bhang(?:ing)? (?:in there|on by a thread|on|out|up)\b",
    r"\bjump(?:ed|ing)? at the chance\b",
    r"\boverdos(?:e|ed|ing) on (?:chocolate|netflix|tv|coffee|caffeine|sugar|cake|ice cream|work|true crime|podcasts|self help|books|carbs|wine|love|drama|news|social media)\b",
    r"\b(?:ground|floor|earth) to swallow me\b",
    r"\bi could (?:scream|cry|die)\b",
    r"\bdrop dead\b",
    r"\b(?:kill|killing|killed) (?:the|my|your) (?:mood|vibe|buzz|joy)\b",
    r"\bmy (?:mum|mom|mother|dad|father|boss|sister|brother|nan|gran|teacher|therapist|coach|friend) (?:is |will |would |is going to |is gonna |going to )?(?:kill|murder) me\b",
    r"\b(?:end|ending|ended) (?:it|things|this) with (?:him|her|them)\b",
    r"\b(?:end|ending) (?:the|my|our|this) (?:marriage|relationship|affair|engagement)\b",
    r"\b(?:take|taking|get|getting|got|took) my life back\b",
    r"\bdead inside\b",
    r"\bhurts? like hell\b",
    r"\bbeat (?:me|him|her) (?:at|in) (?:chess|cards|tennis|a game|the game|scrabble|monopoly|it)\b",
    r"\b(?:beating|beat) myself up\b",
    r"\b(?:kicking|kick|kicked) myself\b",
)

# --------------------------------------------------------------------------
# Markers.
# --------------------------------------------------------------------------

NEGATION = r"not|never|no|nothing|nor|neither|stopped|quit"
# Phrases that look like a negation but are not one.
NEGATION_EXCEPTIONS = (
    r"\b(?:can|could|will|do|did|does|would) not (?:stop|help|wait|bear|stand|sleep|breathe|eat|cope|handle|take it|take this|think straight)\b"
    r"|\bnot (?:going to|gonna) lie\b|\bno lie\b|\bnot kidding\b|\bno joke\b|\bnot even joking\b|\bnot joking\b"
    r"|\bno doubt\b|\bnot only\b|\bnot just\b|\bnot sure\b|\bno idea\b|\bno matter\b|\bno one\b|\bnobody\b"
    r"|\bnot (?:okay|ok|fine|well|good|coping|alright|all right|safe)\b|\bno longer (?:want|wish)\b"
    r"|\bstopped (?:eating|sleeping|caring|trying)\b|\b(?:would|do|did|will|does) not (?:mind|care)\b"
)
SUBJECT_RESET = r"i|he|she|they|you|we|and|that|because|so|then|if|when|who|which|it"

FIRST_PERSON = frozenset({"i", "me", "myself"})
OTHER_PERSON = frozenset(
    {
        "he", "she", "they", "you", "we", "someone", "somebody", "husband", "wife",
        "partner", "friend", "friends", "brother", "sister", "mum", "mom", "mother", "dad",
        "father", "son", "daughter", "kid", "kids", "child", "children", "boy", "girl", "man",
        "woman", "men", "women", "people", "character", "neighbour", "neighbor", "client",
        "colleague", "ex", "boyfriend", "girlfriend", "who", "mistress", "cousin", "aunt",
        "uncle", "stepdad", "stepmum", "stepmom", "grandma", "grandad", "nan", "patient",
        "guy", "lady", "teenager", "student", "celebrity", "singer", "actor", "film", "book",
        "show", "documentary", "podcast", "article", "news", "story", "novel", "series",
    }
)  # fmt: skip

PAST = (
    r"\bused to\b|\byears ago\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|\d+|many|several|few|some) (?:years|decades) (?:ago|back)\b"
    r"|\b(?:long|a long time|ages|a lifetime|decades|many moons) ago\b|\bas a (?:teen|teenager|child|kid|young woman|young man|student|girl|boy|young adult|little girl|little boy)\b"
    r"|\bwhen i was (?:a |an |in |at )?(?:teen|teenager|child|kid|little|young|younger|student|girl|boy|school|high school|college|uni|university|pregnant with|\d+|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b"
    r"|\bin (?:high school|secondary school|college|university|uni|school|my (?:teens|twenties|20s|thirties|30s|forties|40s|youth|childhood|first marriage|last relationship))\b"
    r"|\bback (?:in|when|then)\b|\bgrowing up\b|\b(?:since|until) i was (?:\d+|a teen|a teenager|a kid|a child|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b"
    r"|\bbefore i met (?:him|her|them|my)\b|\b(?:free of it|clean|free) for (?:\d+|many|a few|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|several) (?:years|decades)\b"
    r"|\bin the past\b|\bmy (?:first|previous|former) (?:husband|wife|marriage|partner|boyfriend|girlfriend)\b|\bthat was (?:a lifetime|years|decades|long|a long time) ago\b|\bas a child\b"
    # A year long gone ("in 2009"), an age ("at 19", "the summer i was 16",
    # but not "at 11" or "at 20 past"), time since it last happened.
    r"|\b(?:in|back in|around|since|from) (?:19\d\d|200\d|201\d)\b"
    r"|\bat (?:1[3-9]|[2-9]\d)\b(?! ?(?:am|pm|o'?clock|:|past|to|minutes|mins|hours|mg|pills|tablets|percent|mph|miles|km|degrees|pounds|quid|dollars|bucks|floors|feet|metres|meters))"
    r"|\bi was (?:1\d|[2-9]\d|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b(?! (?:minutes|mins|seconds|hours|days|weeks|months|pills|tablets|mg|feet|floors|metres|meters|storeys|miles|km|percent))"
    r"|\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|many|several|some) (?:years?|months) since i (?:last|ever)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|many|several) years (?:free|clean|sober) (?:from|of)\b"
)
PRESENT = r"\b(?:again|still|relaps\w*|right now|now|tonight|today|these days|lately|recently|this (?:week|morning|evening|month)|last night|yesterday|since (?:d day|discovery|i found out|finding out)|currently|every day|every night|keep|keeps)\b"
# "my therapist asked whether I have thoughts of suicide", "she asked me
# today if I ever think about ending my life", "the usual question about
# thoughts of...", "what to do if any of us have thoughts of suicide": the
# words are a question someone asked, not something the member says about
# themselves.
REPORTED_QUESTION = (
    r"\b(?:asked|asks|ask|asking) (?:me |us )?(?:whether|if|about)\b"
    r"|\b(?:asked|asks|asking) (?:me|us)(?: \w+){1,3}? (?:whether|if)\b"
    r"|\b(?:the|a|her|his|their|usual|standard|same|routine|screening) questions? (?:about|on)\b"
    r"|\bhow do (?:i|you) (?:know|tell) (?:if|whether)\b|\bwhat to do if\b"
    # "Not because I want to die but because I can't face the world."
    r"|\bnot because (?:i|i'm|im)\b"
)
# "Not once did I think about it", "at no point have I wanted to die": the
# denial comes first and the verb jumps before its subject, so the usual
# check, which a new subject resets, would miss it.
INVERTED_NEGATION = (
    r"^(?:not once|never once|never ever|not even once|not one time|not a single time"
    r"|not (?:for )?(?:a|one) (?:single )?(?:second|moment|minute|day|night|time)"
    r"|at no (?:point|time|stage)|never|nor|neither) (?:\w+ )?(?:did|do|does|have|has|had|would|could|will|was|were|am|should|can)"
    r"(?: (?:i|he|she|they|we|you)\b| ?$)"
)
# "Would I end my life over it? Absolutely not.": a sentence that is nothing
# but a denial answers the question before it. "No one would notice" is not
# one: the words must say no and nothing else.
_NO = r"(?:no|nope|nah|never|not at all|not really|not once|not ever|not even close|not a chance|no way|no chance|hell no|god no|no thank you|not today|absolutely not|definitely not|certainly not|of course not|honestly no|still no)"
BARE_DENIAL = rf"{_NO}(?:[ ,]+(?:and |or )?{_NO})*"
# "...any thoughts of hurting myself, which i do not", "...whether i'd ever
# want to hurt myself, and the honest answer was no".
DENIED_AFTER = (
    r"\bwhich i (?:do not|did not|have not|will not|am not|would not|never do|never did|never have)(?: ever)?$"
    r"|\bthe (?:\w+ )?answer (?:was|is|came back|came out|stays|stayed)(?: (?:a|an|still|always|just|very))?(?: (?:flat|firm|clear|honest|simple|easy|straight|resounding|loud))? no\b"
)
AFTER_NEGATION = r"^ (?:is|was|are|were|would be|will be) (?:not|never|no longer) (?:an option|the answer|something|going to|for me|happening)"


def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return _rx("|".join(f"(?:{p})" for p in patterns))


LEXICON = Lexicon(
    normalise=Normaliser.build(WORD_MAP, CONTEXTUAL_MAP),
    idioms=_alternation(IDIOMS),
    rules=SUICIDE_RULES + SELF_HARM_RULES + HARM_RULES + ABUSE_RULES,
    contexts=SUICIDE_CONTEXTS + SELF_HARM_CONTEXTS + HARM_CONTEXTS + ABUSE_CONTEXTS,
    escalations=ESCALATIONS,
    combinations=COMBINATIONS,
    negation=re.compile(NEGATION),
    negation_exceptions=re.compile(NEGATION_EXCEPTIONS),
    subject_reset=re.compile(SUBJECT_RESET),
    first_person=FIRST_PERSON,
    other_person=OTHER_PERSON,
    past=_rx(PAST),
    present=_rx(PRESENT),
    after_negation=re.compile(AFTER_NEGATION),
    reported_question=re.compile(REPORTED_QUESTION),
    inverted_negation=re.compile(INVERTED_NEGATION),
    bare_denial=re.compile(BARE_DENIAL),
    denied_after=re.compile(DENIED_AFTER),
)
