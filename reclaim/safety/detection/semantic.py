"""The semantic layer: a sentence encoder and a small trained head.

The rules (`engine.py`) are precise but only hear the phrasings they list.
This layer hears what a sentence *means*: each sentence is turned into an
embedding by the encoder (`encoder.py`), and a head trained on labelled
writing (`train.py`, data in `tests/labelled/corpus/`) scores it: is there
risk at all, of which kinds, and is it urgent.

Passages, not whole entries
===========================

Members write paragraphs. One embedding of a whole entry would be diluted
by its ordinary lines, so a text is read in **units**: each sentence (long
run-on sentences cut into overlapping pieces of at most `PIECE_WORDS`
words), and each **window** of two neighbouring sentences, since a plan can
span two ("I have the pills. Friday, when the kids are at his mum's.").
A window's embedding is the normalised mean of its two sentences', so it
costs no second pass through the encoder. The text scores the strongest
unit in each category.

Sentences are split and normalised exactly as for the rules (slang and
typos mapped: "kms" -> "kill myself"), so both layers read the same words.

The head
========

Support-vector machines with a radial kernel, one per output, stored as
plain arrays (`models/risk_<lang>.npz`, with a JSON card beside it: encoder,
outputs, thresholds, where the data came from, the arrays' SHA-256). At run
time that is a few matrix products in numpy. A radial kernel was chosen by
measurement: on parts the head did not learn from, it separated risk from
look-alikes better than a linear model, a small neural network, or an
encoder fine-tuned with low-rank adapters (docs/benchmarks.md).

Beside each machine, a linear model reads the unit's words and letter runs
(`wording.py`), which the encoder's 384 numbers blur; a unit's score is the
machine's margin plus `wording.WEIGHT` times the wording's score
(`RiskModel.unit_scores`), and the thresholds are set on that sum.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .encoder import Encoder, EncoderUnavailable, shared_encoder
from .engine import ELEVATED, LEVELS, RiskAssessment
from .text import Normaliser, layout
from .wording import BUCKETS, WEIGHT, Wording

MODELS_DIR = Path(__file__).resolve().parent / "models"
RISK = "risk"
URGENT = "urgent"
# A run-on sentence with no full stops is cut into overlapping pieces, so
# nothing past the encoder's token limit is lost and a short risk clause is
# not drowned out by a long ordinary one. 18 words from the tenth round
# (was 40): chosen on part zp, kept out of training for it (docs/benchmarks.md).
PIECE_WORDS = 18
PIECE_STRIDE = 9
#: Below this "risk" score a text is calm whatever its kinds say, and they
#: are not worked out (`RiskModel.strongest`), so everyday writing reads only
#: the support vectors "risk" uses. Below where anything fires: on the
#: tuning and choice parts (e, zp, zzg-zzj) no text that fired had a "risk"
#: score under -0.38, and on the 5,073 rows of zzk-zzv, measured after, none
#: under -0.73 (docs/benchmarks.md, nineteenth round).
FLOOR = -1.0
#: The threshold that decides whether the layer fires is on this: "risk"
#: plus the strongest kind's score (`Scores.alarm`).
ALARM = "alarm"
#: Below this "risk" score the layer is sure enough that a text is a
#: look-alike to set aside the rules' *elevated* finding on it (never an
#: urgent one). The rules match words, and words like "I burned my hand"
#: also sit in ordinary writing ("...on the candle at the restaurant"); the
#: layer reads the whole sentence.
#: On the scale of the fifteenth round's head (its own threshold is about
#: 0), chosen on parts e and zp by the lowest cost counting a miss as three
#: false alarms, before parts zzg-zzj were measured (docs/benchmarks.md).
DOUBT = -0.75
# Texts are encoded in batches of similar length to limit padding.
BATCH = 16
# Units scored against the support vectors at a time.
SCORE_BLOCK = 256
# Rows of a block's kernel summed in double precision at a time.
SUM_ROWS = 16
# Up to this many units are scored one by one (`Head._dots`).
FEW_UNITS = 4
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True)
class Scores:
    """The strongest score per output over a text's units.

    When no unit's "risk" reaches `FLOOR`, nothing fires and the other
    outputs are not worked out: they are -inf (`RiskModel.strongest`).
    """

    scores: dict[str, float]

    @property
    def kinds(self) -> dict[str, float]:
        """The categories' scores: every output but "risk" and "urgent"."""
        return {name: s for name, s in self.scores.items() if name not in (RISK, URGENT)}

    @property
    def alarm(self) -> float:
        """What decides whether the layer fires: "risk" plus the strongest kind's score.

        The machine for a kind learned from every row too, look-alikes
        included, so it is a second opinion on whether there is risk at all:
        on parts the head never learned from, the sum separated risk from
        look-alikes better than "risk" alone (docs/benchmarks.md, nineteenth
        round). -inf when the kinds were not worked out.
        """
        kinds = self.kinds.values()
        return self.scores.get(RISK, float("-inf")) + max(kinds, default=float("-inf"))


@dataclass(frozen=True)
class Head:
    """Support-vector machines over sentence embeddings, one per output.

    Every output shares one set of support vectors (`support`, unit vectors
    from the training corpus) and the radial kernel exp(-gamma * |x - s|^2);
    output k scores `kernel @ coef[:, k] + intercept[k]`. "risk" and the
    strongest category together decide whether anything fires at all
    (`Scores.alarm`); the categories say which kinds, and "urgent" how
    serious. Scores are margins: 0 is each machine's own boundary, and
    `thresholds` move it where the tuning part said.

    `RiskModel.load` puts the support vectors "risk" uses first (about two
    thirds of them), so its score can be worked out alone (`risk_rows`).
    """

    outputs: tuple[str, ...]
    support: np.ndarray  # (m, dimensions)
    coef: np.ndarray  # (m, outputs)
    intercept: np.ndarray  # (outputs,)
    gamma: float
    thresholds: dict[str, float]
    card: dict[str, Any]

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """(units, outputs): every output's score for each unit."""
        found: np.ndarray = self.sums(vectors, 0, len(self.support)) + self.intercept
        return found

    def sums(self, vectors: np.ndarray, start: int, stop: int) -> np.ndarray:
        """(units, outputs): the kernel sums over support vectors `start` to
        `stop` only, without the intercepts."""
        x = vectors.astype(np.float32, copy=False)
        # In blocks, so a very long entry never holds its whole kernel matrix
        # (units x support vectors) in memory at once.
        return np.vstack(
            [
                self._block(x[i : i + SCORE_BLOCK], start, stop)
                for i in range(0, max(len(x), 1), SCORE_BLOCK)
            ]
        )

    @cached_property
    def risk_rows(self) -> int:
        """How many support vectors, from the first, "risk" needs: all up to
        the last it uses."""
        used = np.flatnonzero(self.coef[:, self.outputs.index(RISK)])
        return int(used[-1]) + 1 if len(used) else 0

    def _block(self, x: np.ndarray, start: int, stop: int) -> np.ndarray:
        # |x - s|^2 = |x|^2 + |s|^2 - 2 x.s, then the kernel, all worked out
        # in place in the one (units x support vectors) array a block needs.
        kernel = self._dots(x, start, stop)
        kernel *= -2
        kernel += self._support_norms[None, start:stop]
        kernel += (x * x).sum(axis=1)[:, None]
        np.maximum(kernel, 0.0, out=kernel)
        kernel *= -self.gamma
        np.exp(kernel, out=kernel)
        # Summed in double precision: over tens of thousands of support
        # vectors, single precision's rounding made a unit's score depend on
        # which other units shared its batch (by a few thousandths). A few
        # rows at a time, so the double-precision copy stays a few MB.
        coef = self._coef64[start:stop]
        sums = [
            kernel[i : i + SUM_ROWS].astype(np.float64) @ coef
            for i in range(0, max(len(kernel), 1), SUM_ROWS)
        ]
        found: np.ndarray = np.vstack(sums)
        return found

    def _dots(self, x: np.ndarray, start: int, stop: int) -> np.ndarray:
        """x . s for every unit and support vector `start` to `stop`.

        The support vectors (tens of MB) do not fit in the processor's cache,
        so this is bound by reading them. A few units are done one at a time:
        the matrix-vector product only reads them, where the matrix product
        first copies all of them into its own layout, which for two or three
        units took longer than the sums. `RiskModel.load` keeps them in
        column order, so each row of `support.T` is contiguous for both
        (docs/benchmarks.md).
        """
        support_t = self.support.T[:, start:stop]
        if 0 < len(x) <= FEW_UNITS:
            return np.vstack([row @ support_t for row in x])
        product: np.ndarray = x @ support_t
        return product

    @cached_property
    def _coef64(self) -> np.ndarray:
        coef: np.ndarray = self.coef.astype(np.float64)
        return coef

    @cached_property
    def _support_norms(self) -> np.ndarray:
        # Worked out once per head: over every support vector it costs ten
        # times the rest of a sentence's scoring, and a 20 MB scratch array.
        norms: np.ndarray = (self.support * self.support).sum(axis=1)
        return norms


def _in_column_order(stored: np.ndarray, order: np.ndarray) -> np.ndarray:
    """The support vectors in single precision, rows in `order`, laid out in
    column order, so each row of the transpose `Head._dots` reads is
    contiguous. Filled a column at a time: a reordered copy of the whole
    array would leave the process 10 MB larger after loading."""
    support = np.empty(stored.shape, dtype=np.float32, order="F")
    for j in range(stored.shape[1]):
        support[:, j] = stored[order, j]
    return support


@dataclass(frozen=True)
class RiskModel:
    """The encoder and the head for one language.

    Saved as `models/risk_<lang>.npz` (support vectors, coefficients,
    intercepts) with a JSON card beside it that names the encoder, the
    outputs, gamma, the thresholds, the data it learned from and the arrays'
    SHA-256, checked on every load.
    """

    encoder: Encoder
    head: Head
    wording: Wording

    def unit_scores(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """(units, outputs): the machines' margins plus the wording's weighted scores."""
        scores: np.ndarray = self.head.scores(vectors) + WEIGHT * self.wording.scores(texts)
        return scores

    def strongest(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """(outputs,): each output's strongest score over the units, as
        `unit_scores(...).max(axis=0)`, except that when no unit's "risk"
        reaches `FLOOR` the other outputs are -inf, not worked out: nothing
        fires then, and "risk" alone reads a third fewer support vectors
        (docs/benchmarks.md, eighteenth round)."""
        head = self.head
        words = WEIGHT * self.wording.scores(texts)
        k = head.outputs.index(RISK)
        first = head.sums(vectors, 0, head.risk_rows) + head.intercept + words
        if first[:, k].max() >= FLOOR:
            rest = head.sums(vectors, head.risk_rows, len(head.support))
            found: np.ndarray = (first + rest).max(axis=0)
            return found
        calm = np.full(len(head.outputs), -np.inf)
        calm[k] = first[:, k].max()
        return calm

    def scores(self, vectors: np.ndarray, texts: Sequence[str]) -> Scores:
        """`strongest`, named by output: what the layer decides on."""
        strongest = self.strongest(vectors, texts)
        return Scores({name: float(strongest[i]) for i, name in enumerate(self.head.outputs)})

    @staticmethod
    def read(
        language: str, directory: Path = MODELS_DIR
    ) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """The card and the arrays, after checking the arrays' SHA-256 against the card."""
        card = json.loads(card_path(language, directory).read_text(encoding="utf-8"))
        raw = (directory / f"risk_{language}.npz").read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != card.get("arrays_sha256"):
            raise EncoderUnavailable(f"risk_{language}.npz has SHA-256 {digest}, not the card's")
        with np.load(io.BytesIO(raw)) as arrays:
            data = {name: arrays[name] for name in arrays.files}
        return card, data

    @classmethod
    def load(cls, language: str, directory: Path = MODELS_DIR) -> RiskModel:
        card, data = cls.read(language, directory)
        encoder = shared_encoder()
        if encoder.name != card["encoder"]:
            raise EncoderUnavailable(f"the head was trained on {card['encoder']!r}")
        # The support vectors "risk" uses first (`Head.risk_rows`), each
        # output's machine unchanged.
        order = np.argsort(data["coef"][:, card["outputs"].index(RISK)] == 0, kind="stable")
        head = Head(
            outputs=tuple(card["outputs"]),
            support=_in_column_order(data["support"], order),
            coef=data["coef"][order].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            gamma=float(card["gamma"]),
            thresholds={k: float(v) for k, v in card["thresholds"].items()},
            card=card,
        )
        # The wording's arrays are stored for the features it kept, and
        # spread back over every hashed slot here.
        slots = data["wording_slots"].astype(np.int64)
        idf = np.zeros(BUCKETS, dtype=np.float32)
        idf[slots] = data["wording_idf"]
        coef = np.zeros((BUCKETS, len(head.outputs)), dtype=np.float16)
        coef[slots] = data["wording_coef"]
        wording = Wording(idf, coef, data["wording_intercept"].astype(np.float32))
        return cls(encoder, head, wording)

    def save(self, language: str, directory: Path = MODELS_DIR) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        kept = np.flatnonzero(self.wording.idf)
        np.savez_compressed(
            buffer,
            support=np.ascontiguousarray(self.head.support, dtype=np.float16),
            coef=self.head.coef.astype(np.float32),
            intercept=self.head.intercept.astype(np.float32),
            wording_slots=kept.astype(np.int32),
            wording_idf=self.wording.idf[kept].astype(np.float32),
            wording_coef=self.wording.coef[kept].astype(np.float16),
            wording_intercept=self.wording.intercept.astype(np.float32),
        )
        (directory / f"risk_{language}.npz").write_bytes(buffer.getvalue())
        card = dict(self.head.card)
        card.update(
            arrays_sha256=hashlib.sha256(buffer.getvalue()).hexdigest(),
            encoder=self.encoder.name,
            outputs=list(self.head.outputs),
            gamma=self.head.gamma,
            thresholds=self.head.thresholds,
        )
        write_card(card, language, directory)


def card_path(language: str, directory: Path = MODELS_DIR) -> Path:
    """Where a language's head keeps its card (`RiskModel`)."""
    return directory / f"risk_{language}.json"


def write_card(card: dict[str, Any], language: str, directory: Path = MODELS_DIR) -> None:
    """Save a head's card as JSON, keys sorted, so a change reads as a small diff."""
    card_path(language, directory).write_text(
        json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def pieces(normalise: Normaliser, text: str) -> tuple[list[tuple[int, str]], int]:
    """The text's sentences as the rules see them, long ones cut into pieces.

    Each piece comes with the index of its sentence; the count of sentences
    comes last, so a caller can check it split the text as the rules did.
    """
    found: list[tuple[int, str]] = []
    lines = layout(normalise(text)).text.split("\n")
    for index, sentence in enumerate(lines):
        words = _WORDS.findall(sentence)
        if not words:
            continue
        if len(words) <= PIECE_WORDS:
            found.append((index, sentence))
            continue
        # Overlapping pieces, the last one ending on the sentence's last word.
        last = len(words) - PIECE_WORDS
        for start in [*range(0, last, PIECE_STRIDE), last]:
            found.append((index, " ".join(words[start : start + PIECE_WORDS])))
    return found, len(lines)


def sentences(normalise: Normaliser, text: str) -> list[str]:
    """The pieces of text the encoder reads, in order."""
    return [piece for _, piece in pieces(normalise, text)[0]]


def embed_units(encoder: Encoder, parts: Sequence[str]) -> np.ndarray:
    """Embeddings of each sentence, then of each window of two neighbours."""
    if not parts:
        return np.zeros((0, encoder.dimensions), dtype=np.float32)
    # A piece said twice is encoded once (a pasted list, a repeated line).
    distinct = sorted(set(parts), key=len)
    found = np.zeros((len(distinct), encoder.dimensions), dtype=np.float32)
    for start in range(0, len(distinct), BATCH):
        found[start : start + BATCH] = encoder.embed(distinct[start : start + BATCH])
    row = {piece: i for i, piece in enumerate(distinct)}
    vectors = found[[row[piece] for piece in parts]]
    if len(parts) == 1:
        return vectors
    windows = vectors[:-1] + vectors[1:]
    windows /= np.maximum(np.linalg.norm(windows, axis=1, keepdims=True), 1e-12)
    return np.vstack([vectors, windows])


def unit_texts(parts: Sequence[str]) -> list[str]:
    """The words of each unit, in the order `embed_units` gives their embeddings."""
    if len(parts) <= 1:
        return list(parts)
    return [*parts, *(f"{a} {b}" for a, b in zip(parts, parts[1:], strict=False))]


class SemanticLayer:
    """The encoder and the head for one language, loaded once per process."""

    def __init__(self, model: RiskModel, normalise: Normaliser) -> None:
        self.model = model
        self.normalise = normalise

    def score(self, text: str, quiet: frozenset[int] = frozenset(), count: int = 0) -> Scores:
        """Score a text, leaving out the sentences a rule's own suppressor dropped.

        `quiet` holds the indices of sentences where the rules found an
        accident ("I cut myself chopping onions") or an everyday reason ("he'll
        kill me when he sees the bill"), out of `count` (`engine.Reading`).
        The encoder cannot see such reasons, so it is not asked to overrule
        them. If the two split the text differently, nothing is left out.
        """
        found, total = pieces(self.normalise, text)
        if quiet and total == count:
            found = [(i, piece) for i, piece in found if i not in quiet]
        parts = [piece for _, piece in found]
        if not parts:
            return Scores({name: float("-inf") for name in self.model.head.outputs})
        return self.model.scores(embed_units(self.model.encoder, parts), unit_texts(parts))

    def join(self, rules: RiskAssessment, scores: Scores) -> RiskAssessment:
        """The rules' finding joined with this layer's findings on `scores`.

        As `combine`, except that an elevated rules finding is set aside when
        the layer is sure the text is a look-alike (risk below `DOUBT`); the
        result then has one reason, with the score. Urgent rules findings
        always stand.
        """
        risk = scores.scores.get(RISK, float("-inf"))
        if rules.level == ELEVATED and risk < DOUBT:
            return RiskAssessment(reasons=(reason("rules.set_aside", risk),))
        return combine(rules, *self.findings(scores))

    def findings(self, scores: Scores) -> tuple[dict[str, str], list[str]]:
        """Categories that fire, each with its level, and a reason for each.

        Nothing fires unless `Scores.alarm` reaches its threshold. Then the
        category with the strongest score fires, and any other that reaches
        its own threshold; the level is urgent when "urgent" reaches its own.
        Reasons name the layer and the scores (the alarm first, as it
        decided), never the member's words.
        """
        p, t = scores.scores, self.model.head.thresholds
        if scores.alarm < t[ALARM]:
            return {}, []
        categories = list(scores.kinds)
        strongest = max(categories, key=lambda name: p[name] - t[name])
        fired = [name for name in categories if name == strongest or p[name] >= t[name]]
        level = (
            "urgent" if p.get(URGENT, float("-inf")) >= t.get(URGENT, float("inf")) else "elevated"
        )
        reasons = [reason(f"semantic.{ALARM}", scores.alarm)]
        reasons += [reason(f"semantic.{name}", p[name]) for name in (RISK, *fired)]
        if level == "urgent":
            reasons.append(reason(f"semantic.{URGENT}", p[URGENT]))
        return {name: level for name in fired}, reasons


def reason(name: str, score: float) -> str:
    """A reason naming a layer's output and its score, never the member's words."""
    return f"{name} ({score:.2f})"


_lock = threading.Lock()
_layers: dict[str, SemanticLayer] = {}


def layer_for(language: str, normalise: Normaliser) -> SemanticLayer:
    """The process's semantic layer for `language`, built on first use."""
    layer = _layers.get(language)
    if layer is None:
        with _lock:
            layer = _layers.get(language)
            if layer is None:
                layer = SemanticLayer(RiskModel.load(language), normalise)
                _layers[language] = layer
    return layer


def combine(rules: RiskAssessment, levels: dict[str, str], reasons: list[str]) -> RiskAssessment:
    """The rules' finding joined with the semantic layer's.

    Every category either layer hears is kept, at the higher of the two
    levels; the rules' reasons come first. Reasons with no finding (a note
    that a language has no semantic layer) are kept even on "none".
    """
    rank = {level: i for i, level in enumerate(LEVELS)}
    merged: dict[str, str] = {}
    for category in rules.categories:
        merged[category] = rules.level
    for category, level in levels.items():
        if rank[level] > rank[merged.get(category, LEVELS[0])]:
            merged[category] = level
    level = max([rules.level, *merged.values()], key=rank.__getitem__)
    return RiskAssessment(
        level=level,
        categories=frozenset(merged),
        reasons=(*rules.reasons, *reasons),
    )
