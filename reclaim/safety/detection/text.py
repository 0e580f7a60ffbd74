"""Text preparation for the risk detector: normalising, sentences and clauses.

Everything here is plain string work so that the rules in the lexicon can be
written against one predictable shape of text: lower case, straight quotes,
contractions spelled out, common typos and slang mapped to standard words,
one sentence per line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

# Curly quotes, primes and backticks all become a straight apostrophe so that
# "don’t" and "don't" are the same word for the rules.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": ".",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
    }
)

# Laughter emoji are turned into a word so that "i'm dead 😂" can be
# recognised as laughter by an ordinary idiom pattern.
_LAUGHTER = re.compile("[\U0001f602\U0001f923\U0001f480\u2620\U0001f606\U0001f605\U0001f639]+")

# Three or more of the same letter are squeezed to two ("sooooo" -> "soo",
# "dieeee" -> "diee"); the word map below then repairs the common results.
_REPEATS = re.compile(r"([a-z])\1{2,}")

# Hyphens and slashes inside words are read as spaces ("self-harm",
# "ex-husband", "d-day"), except for "s/h" which the word map handles first.
_INNER_HYPHEN = re.compile(r"(?<=[a-z0-9])[-_](?=[a-z0-9])")

# Anything that is not a letter, digit, apostrophe, space or sentence
# punctuation carries no meaning for the rules and is dropped.
_NOISE = re.compile(r"[^a-z0-9' .,!?;:\n&]+")

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+|[.!?]{2,}")
_SPACES = re.compile(r"[ \t\r\f\v]+")

# A clause boundary: punctuation inside a sentence, or a conjunction that
# usually turns the thought ("but", "though"). Negation never crosses one.
_CLAUSE_BREAK = re.compile(r"[,;:]| - |\b(?:but|though|although|however|except that)\b")


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def _phrase_pattern(words: Mapping[str, str]) -> re.Pattern[str] | None:
    """A pattern for the few map keys that span more than one word."""
    keys = sorted((k for k in words if " " in k), key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b")


@dataclass(frozen=True, slots=True)
class Normaliser:
    """Maps raw text to the normalised form the rules of one language expect."""

    word_map: Mapping[str, str]
    contextual_map: tuple[tuple[re.Pattern[str], str], ...]
    _phrases: re.Pattern[str] | None

    @classmethod
    def build(
        cls, word_map: Mapping[str, str], contextual_map: tuple[tuple[str, str], ...] = ()
    ) -> Normaliser:
        # The map is applied to its own values once here ("im" -> "i'm" ->
        # "i am"), so that texts need only one pass.
        composed = {
            key: _TOKEN.sub(lambda m: word_map.get(m.group(0), m.group(0)), value)
            for key, value in word_map.items()
        }
        compiled = tuple((re.compile(p), r) for p, r in contextual_map)
        return cls(composed, compiled, _phrase_pattern(composed))

    def _map_words(self, text: str) -> str:
        # Looking each token up in a dict is several times faster than one
        # big alternation of every key, which matters for very long texts.
        words = self.word_map
        return _TOKEN.sub(lambda m: words.get(m.group(0), m.group(0)), text)

    def __call__(self, text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
        text = _LAUGHTER.sub(" lol ", text)
        text = text.lower()
        text = _REPEATS.sub(r"\1\1", text)
        for pattern, replacement in self.contextual_map:
            text = pattern.sub(replacement, text)
        text = _INNER_HYPHEN.sub(" ", text)
        text = _NOISE.sub(" ", text)
        if self._phrases is not None:
            text = self._phrases.sub(lambda m: self.word_map[m.group(0)], text)
        return self._map_words(text)


@dataclass(frozen=True, slots=True)
class Layout:
    """The normalised text as one sentence per line, plus where each clause starts.

    `text` holds the sentences joined by newlines; the rules search it in one
    pass each and never match across a newline. `sentence_starts` and
    `clause_starts` are sorted character offsets into `text`; `questions`
    holds the sentences that ended with a question mark (the mark itself is
    not kept in `text`).
    """

    text: str
    sentence_starts: tuple[int, ...]
    clause_starts: tuple[int, ...]
    questions: frozenset[int]


def layout(normalised: str) -> Layout:
    """Split normalised text into sentences (one per line) and record clauses."""
    sentences: list[str] = []
    questions: set[int] = set()
    pos = 0
    for end in [*_SENTENCE_END.finditer(normalised), None]:
        raw = normalised[pos : end.start() if end else len(normalised)]
        sentence = _SPACES.sub(" ", raw).strip(" ,;:'\"")
        if sentence:
            if end is not None and "?" in end.group(0):
                questions.add(len(sentences))
            sentences.append(sentence)
        if end is not None:
            pos = end.end()
    text = "\n".join(sentences)
    sentence_starts = []
    clause_starts = []
    offset = 0
    for sentence in sentences:
        sentence_starts.append(offset)
        clause_starts.append(offset)
        for m in _CLAUSE_BREAK.finditer(sentence):
            clause_starts.append(offset + m.end())
        offset += len(sentence) + 1
    return Layout(text, tuple(sentence_starts), tuple(clause_starts), frozenset(questions))
