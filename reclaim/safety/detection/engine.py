"""The rule engine: find rule matches, suppress look-alikes, combine into a level.

A lexicon (see `lexicon_en.py`) supplies four kinds of data:

* **rules** that on their own put a category at a level (`elevated` or
  `urgent`), e.g. "better off without me" -> suicide, elevated;
* **context** patterns that never fire alone but raise a nearby elevated
  finding of the same category to urgent (a method, a time, a weapon, a
  serious injury), or fire together (a means plus a plan);
* **idioms** that are blanked out before any rule runs ("dead tired");
* **markers** for negation, the past, the present and other people.

Every match of a rule or a context is then checked, in this order, and
dropped if:

1. a negation cue ("not", "never", "no") stands in the same clause shortly
   before the match, or inside it, with no new subject in between
   ("I'm not suicidal", "he has never hit me"); rules whose pattern already
   contains the negation ("I don't want to live") only look before it; a
   clause that opens with an inverted denial ("not once did I", "at no
   point have I", "never did I") is negated as a whole;
2. the match describes someone else: the nearest subject before it in the
   clause is another person ("my husband says he wants to die");
3. the sentence is about the distant past ("years ago", "used to", "as a
   teenager") and the clause has no sign that it is happening again now
   ("again", "still", "relapsed", "tonight");
4. a rule-specific suppressor applies (an accident for self-harm; an
   everyday reason such as a bill or a mess for "he's going to kill me"),
   unless the same stretch says the reason does not hold (a rule's
   `unless`: "again", "on purpose" beside the accident).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .literals import necessary_literals
from .text import Layout, Normaliser, layout

NONE, ELEVATED, URGENT = "none", "elevated", "urgent"
LEVELS = (NONE, ELEVATED, URGENT)
CATEGORIES = ("suicide", "self_harm", "harm_to_others", "abuse")
_RANK = {NONE: 0, ELEVATED: 1, URGENT: 2}

# Reasons quote the member's own words; keep them short so that a reason
# names what matched without carrying a whole sentence around.
_PHRASE_LIMIT = 60
_MAX_REASONS = 12


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    """The result of `detect`.

    `level` is "none", "elevated" or "urgent"; `categories` is empty exactly
    when the level is "none". `reasons` name the rules that matched and the
    normalised words they matched, e.g. `suicide.passive.better_off ("better
    off without me")`. Reasons contain the member's words: treat them as
    sensitive, like the text itself, and never log them.
    """

    level: str = NONE
    categories: frozenset[str] = field(default_factory=frozenset)
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.level not in _RANK:
            raise ValueError(f"unknown level {self.level!r}")
        if (self.level == NONE) != (not self.categories):
            raise ValueError("level 'none' if and only if there are no categories")
        unknown = set(self.categories) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories {sorted(unknown)!r}")

    @property
    def is_risk(self) -> bool:
        return self.level != NONE


NO_RISK = RiskAssessment()


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern that puts `category` at `level` by itself.

    `subject` says how to check who the sentence is about: "self" when the
    pattern itself names the member ("myself", "without me"), "last" to look
    at the nearest subject before the match, "first" to look at the first
    subject of the clause. `negation_inside` marks patterns that contain
    their own negation ("don't want to live"), so only words before the
    match can cancel them.
    """

    id: str
    category: str
    level: str
    pattern: re.Pattern[str]
    subject: str = "last"
    negation_inside: bool = False
    past_applies: bool = True
    suppress: re.Pattern[str] | None = None
    # Where `suppress` looks: the match's own "clause", or the whole
    # "sentence" (hyperbole often gives its everyday reason after a comma).
    suppress_scope: str = "clause"
    # Found where `suppress` looks, this keeps the match: the reason the
    # suppressor gives does not hold ("i hurt myself *again* while he was
    # out running" is no running accident).
    unless: re.Pattern[str] | None = None
    literals: frozenset[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "literals", necessary_literals(self.pattern.pattern))


@dataclass(frozen=True, slots=True)
class Context:
    """A pattern that only matters next to a finding: a method, a time, a means."""

    id: str
    category: str
    tag: str
    pattern: re.Pattern[str]
    subject: str = "last"
    negation_inside: bool = False
    literals: frozenset[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "literals", necessary_literals(self.pattern.pattern))


@dataclass(frozen=True, slots=True)
class Escalation:
    """Raise an elevated `category` finding to urgent when a context with `tag`
    is found within `window` sentences of it (0 = the same sentence)."""

    category: str
    tag: str
    window: int


@dataclass(frozen=True, slots=True)
class Combination:
    """Contexts that together are urgent even without a rule firing
    (a method plus a resolve to "end it"; a weapon plus a plan)."""

    category: str
    first: frozenset[str]
    second: frozenset[str]
    window: int
    id: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    normalise: Normaliser
    idioms: re.Pattern[str]
    rules: tuple[Rule, ...]
    contexts: tuple[Context, ...]
    escalations: tuple[Escalation, ...]
    combinations: tuple[Combination, ...]
    negation: re.Pattern[str]
    negation_exceptions: re.Pattern[str]
    subject_reset: re.Pattern[str]
    first_person: frozenset[str]
    other_person: frozenset[str]
    past: re.Pattern[str]
    present: re.Pattern[str]
    after_negation: re.Pattern[str]
    reported_question: re.Pattern[str]
    # A clause opening with a denial and then the verb before its subject
    # ("not once did i ...") denies the whole clause, however far away the
    # match is; None when a language has no such word order.
    inverted_negation: re.Pattern[str] | None = None
    # A whole sentence that only says no ("absolutely not", "no, no and
    # no"): after a question, it denies what the question asked.
    bare_denial: re.Pattern[str] | None = None
    # Words later in the same sentence that deny what came before it
    # ("..., which i do not", "and the answer was no").
    denied_after: re.Pattern[str] | None = None
    negation_window: int = 6


@dataclass(frozen=True, slots=True)
class _Hit:
    id: str
    category: str
    level_or_tag: str
    sentence: int
    phrase: str
    start: int = 0
    end: int = 0


_WORD = re.compile(r"[a-z0-9']+")


def _phrase(text: str) -> str:
    text = text.strip()
    if len(text) > _PHRASE_LIMIT:
        text = text[: _PHRASE_LIMIT - 1].rstrip() + "\u2026"
    return text


class _Checker:
    """Suppression checks for one laid-out text."""

    def __init__(self, lex: Lexicon, lay: Layout) -> None:
        self.lex = lex
        self.lay = lay
        self._past_cache: dict[int, bool] = {}
        self._literal_cache: dict[str, frozenset[int]] = {}
        self._vocabulary: str | None = None

    def may_contain(self, literal: str) -> bool:
        """False only if `literal` certainly does not occur in the text.

        Each word of a literal must lie inside one of the text's distinct
        space-separated tokens; the distinct tokens of even a very long text
        make a short string, so this is much cheaper than scanning the text.
        """
        if self._vocabulary is None:
            self._vocabulary = "\n".join(set(self.lay.text.split()))
        return all(part in self._vocabulary for part in literal.split())

    def sentences_with(self, literal: str) -> frozenset[int]:
        """The sentences that contain `literal`, found once and remembered."""
        found = self._literal_cache.get(literal)
        if found is None and not (self.may_contain(literal) and literal in self.lay.text):
            found = self._literal_cache[literal] = frozenset()
        if found is None:
            text, sentences, pos = self.lay.text, set(), 0
            while (pos := text.find(literal, pos)) != -1:
                sentence = self.sentence_of(pos)
                sentences.add(sentence)
                # Jump to the next sentence: one hit per sentence is enough.
                nxt = text.find("\n", pos)
                if nxt == -1:
                    break
                pos = nxt + 1
            found = frozenset(sentences)
            self._literal_cache[literal] = found
        return found

    def sentence_span(self, sentence: int) -> tuple[int, int]:
        start = self.lay.sentence_starts[sentence]
        end = self.lay.text.find("\n", start)
        return start, (len(self.lay.text) if end == -1 else end)

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.lay.sentence_starts, pos) - 1

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        starts = self.lay.clause_starts
        i = bisect_right(starts, pos) - 1
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else len(self.lay.text)
        newline = self.lay.text.find("\n", pos)
        if newline != -1 and newline < end:
            end = newline
        return start, end

    def negated(self, start: int, end: int, negation_inside: bool) -> bool:
        text = self.lay.text
        clause_start, clause_end = self.clause_bounds(start)
        # Exceptions are blanked first, over the prefix and the match
        # together, keeping offsets: "can't stop cutting" means it keeps
        # going, "not gonna lie" is not a denial.
        span = self.lex.negation_exceptions.sub(
            lambda m: " " * len(m.group(0)), text[clause_start:end]
        )
        prefix, inside = span[: start - clause_start], span[start - clause_start :]
        inverted = self.lex.inverted_negation
        if inverted is not None and inverted.match(prefix.lstrip()):
            return True
        words = _WORD.findall(prefix)[-self.lex.negation_window :]
        seen_negation = False
        for word in words:
            if self.lex.negation.fullmatch(word):
                seen_negation = True
            elif seen_negation and self.lex.subject_reset.fullmatch(word):
                # A new subject starts a new thought: in "he doesn't know I
                # want to die" the "not" belongs to him knowing.
                seen_negation = False
        if seen_negation or self.lex.reported_question.search(prefix):
            return True
        if not negation_inside and any(
            self.lex.negation.fullmatch(w) for w in _WORD.findall(inside)
        ):
            return True
        if self.lex.after_negation.match(text, end, clause_end):
            return True
        sentence = self.sentence_of(start)
        return self.denied_later(sentence, end) or self.answered_no(sentence)

    def denied_later(self, sentence: int, end: int) -> bool:
        """Whether `sentence` denies a match ending at `end` after it
        ("..., which i don't")."""
        denied_after = self.lex.denied_after
        if denied_after is None:
            return False
        _, s_end = self.sentence_span(sentence)
        return bool(denied_after.search(self.lay.text, end, s_end))

    def answered_no(self, sentence: int) -> bool:
        """Whether `sentence` is a question the next one answers no
        ("would i end my life over it? absolutely not.")."""
        bare = self.lex.bare_denial
        if bare is None or sentence not in self.lay.questions:
            return False
        if sentence + 1 >= len(self.lay.sentence_starts):
            return False
        n_start, n_end = self.sentence_span(sentence + 1)
        return bool(bare.fullmatch(self.lay.text, n_start, n_end))

    def about_someone_else(self, start: int, mode: str) -> bool:
        if mode == "self":
            return False
        clause_start, _ = self.clause_bounds(start)
        words = _WORD.findall(self.lay.text[clause_start:start])
        ordered = words if mode == "first" else reversed(words)
        for word in ordered:
            if word in self.lex.first_person:
                return False
            if word in self.lex.other_person:
                return True
        return False

    def in_the_past(self, start: int) -> bool:
        """Whether the match sits in a stretch of the sentence told in the past.

        The nearest time marker wins, looking first in the match's own clause,
        then outward, earlier clauses first: in "as a teenager I used to cut,
        and last night I did it again, I cut myself" the cut is current; in
        "years ago, before I met him, I attempted suicide" it is not.
        """
        sentence = self.sentence_of(start)
        has_past = self._past_cache.get(sentence)
        s_start, s_end = self.sentence_span(sentence)
        if has_past is None:
            has_past = bool(self.lex.past.search(self.lay.text, s_start, s_end))
            self._past_cache[sentence] = has_past
        if not has_past:
            return False
        starts = self.lay.clause_starts
        first = bisect_right(starts, s_start) - 1
        last = bisect_right(starts, s_end) - 1
        clauses = [
            (starts[i], starts[i + 1] if i < last else s_end) for i in range(first, last + 1)
        ]
        here = bisect_right(starts, start) - 1 - first
        order = [here]
        for distance in range(1, len(clauses)):
            order += [i for i in (here - distance, here + distance) if 0 <= i < len(clauses)]
        for i in order:
            c_start, c_end = clauses[i]
            if self.lex.present.search(self.lay.text, c_start, c_end):
                return False
            if self.lex.past.search(self.lay.text, c_start, c_end):
                return True
        return False


# Texts longer than this are searched sentence by sentence, and only the
# sentences that contain one of a rule's necessary words; shorter ones are
# searched whole, where the set-up would cost more than it saves.
_GATED_FROM = 2_000


def _matches(checker: _Checker, item: Rule | Context) -> Iterator[re.Match[str]]:
    text = checker.lay.text
    literals = item.literals
    if literals is None:
        yield from item.pattern.finditer(text)
        return
    if len(text) < _GATED_FROM:
        if any(literal in text for literal in literals):
            yield from item.pattern.finditer(text)
        return
    candidates: set[int] = set()
    for literal in literals:
        candidates |= checker.sentences_with(literal)
    for sentence in sorted(candidates):
        start, end = checker.sentence_span(sentence)
        yield from item.pattern.finditer(text, start, end)


def _find(
    checker: _Checker,
    items: Iterable[Rule | Context],
    quiet: set[int] | None = None,
) -> list[_Hit]:
    """The matches that stand. A rule match dropped by the rule's own
    suppressor (an accident, an everyday reason) marks its sentence in
    `quiet`, when given; see `Reading`."""
    hits: list[_Hit] = []
    for item in items:
        seen_sentences: set[int] = set()
        for m in _matches(checker, item):
            start, end = m.span()
            sentence = checker.sentence_of(start)
            if sentence in seen_sentences:
                continue
            if checker.negated(start, end, item.negation_inside) or checker.about_someone_else(
                start, item.subject
            ):
                continue
            if isinstance(item, Rule):
                if item.past_applies and checker.in_the_past(start):
                    continue
                if _suppressed(checker, item, sentence, start):
                    if quiet is not None:
                        quiet.add(sentence)
                    continue
                level_or_tag = item.level
            else:
                if checker.in_the_past(start):
                    continue
                level_or_tag = item.tag
            seen_sentences.add(sentence)
            hits.append(
                _Hit(
                    item.id, item.category, level_or_tag, sentence, _phrase(m.group(0)), start, end
                )
            )
    return hits


def _suppressed(checker: _Checker, item: Rule, sentence: int, start: int) -> bool:
    """The rule's own reason to drop a match: an accident, an everyday reason,
    unless the same stretch says otherwise (`Rule.unless`)."""
    if item.suppress is None:
        return False
    if item.suppress_scope == "sentence":
        c_start, c_end = checker.sentence_span(sentence)
    else:
        c_start, c_end = checker.clause_bounds(start)
    text = checker.lay.text
    if item.suppress.search(text, c_start, c_end) is None:
        return False
    return item.unless is None or item.unless.search(text, c_start, c_end) is None


def _near(a: int, b: int, window: int) -> bool:
    return abs(a - b) <= window


def _restates(finding: _Hit, ctx: _Hit) -> bool:
    """Whether a context only repeats a finding of its own kind: the words of
    the method context "bought rope" inside the method finding "bought
    rope". Such a context adds no fact, so it must not raise the level."""
    kind = finding.id.split(".")[1] if finding.id.count(".") >= 2 else ""
    return kind == ctx.level_or_tag and finding.start <= ctx.start and ctx.end <= finding.end


@dataclass(frozen=True, slots=True)
class Reading:
    """What the rules made of a text: the assessment, and which of its
    sentences a rule's own suppressor dropped (an accident: "I cut myself
    chopping onions"; an everyday reason: "he'll kill me when he sees the
    bill"), out of how many.

    The semantic layer leaves those sentences out: the encoder reads them as
    risk, and the rules' lists there are specific. It reads every other
    sentence, also those the rules heard as an idiom, a denial, someone
    else's story or the distant past: on parts the head never learned from,
    leaving those out lost more risk than it saved false alarms
    (docs/benchmarks.md, seventeenth round)."""

    assessment: RiskAssessment
    quiet: frozenset[int] = frozenset()
    sentences: int = 0


_IDIOM = "xidiomx"


def assess(lex: Lexicon, raw: str) -> RiskAssessment:
    """Run the whole pipeline for one text with one lexicon."""
    return read(lex, raw).assessment


def read(lex: Lexicon, raw: str) -> Reading:
    """`assess`, also saying which sentences a rule's own suppressor dropped."""
    if not raw or raw.isspace():
        return Reading(NO_RISK)
    normalised = lex.normalise(raw)
    normalised = lex.idioms.sub(f" {_IDIOM} ", normalised)
    lay = layout(normalised)
    if not lay.text:
        return Reading(NO_RISK)
    checker = _Checker(lex, lay)
    quiet: set[int] = set()
    findings = _find(checker, lex.rules, quiet)
    contexts = _find(checker, lex.contexts)
    lines = lay.text.split("\n")
    quiet -= {hit.sentence for hit in findings}
    return Reading(_combine(lex, findings, contexts), frozenset(quiet), len(lines))


def _combine(lex: Lexicon, findings: list[_Hit], contexts: list[_Hit]) -> RiskAssessment:

    levels: dict[str, str] = {}
    reasons: list[tuple[int, str]] = []

    def raise_to(category: str, level: str, reason: str) -> None:
        if _RANK[level] > _RANK[levels.get(category, NONE)]:
            levels[category] = level
        reasons.append((-_RANK[level], reason))

    for hit in findings:
        raise_to(hit.category, hit.level_or_tag, f'{hit.id} ("{hit.phrase}")')

    for esc in lex.escalations:
        elevated = [h for h in findings if h.category == esc.category]
        if not elevated or levels.get(esc.category) == URGENT:
            continue
        for ctx in contexts:
            if ctx.level_or_tag != esc.tag or ctx.category not in (esc.category, "any"):
                continue
            # "I bought rope" is one fact, not a rope plus a method.
            if any(
                _near(h.sentence, ctx.sentence, esc.window) and not _restates(h, ctx)
                for h in elevated
            ):
                raise_to(esc.category, URGENT, f'{ctx.id} ("{ctx.phrase}")')
                break

    for combo in lex.combinations:
        firsts = [c for c in contexts if c.level_or_tag in combo.first]
        seconds = [c for c in contexts if c.level_or_tag in combo.second]
        for a in firsts:
            b = next((b for b in seconds if _near(a.sentence, b.sentence, combo.window)), None)
            if b is not None:
                raise_to(combo.category, URGENT, f'{combo.id} ("{a.phrase}" + "{b.phrase}")')
                break

    if not levels:
        return NO_RISK
    level = max(levels.values(), key=_RANK.__getitem__)
    ordered: Sequence[str] = [r for _, r in sorted(reasons, key=lambda x: x[0])]
    unique = tuple(dict.fromkeys(ordered))[:_MAX_REASONS]
    return RiskAssessment(level, frozenset(levels), unique)
