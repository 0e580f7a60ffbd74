"""The semantic layer: pinned weights, no network, passages read sentence by sentence."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import numpy as np
import pytest

from reclaim.safety.detection import detect, detect_rules, detect_semantic
from reclaim.safety.detection import encoder as encoder_module
from reclaim.safety.detection import semantic as semantic_module
from reclaim.safety.detection.evaluation import (
    CHOICE_PARTS,
    CORPUS_DIR,
    HELDOUT_PARTS,
    LABELLED_DIR,
    MEASURED_PARTS,
    RESERVED_PARTS,
    TRAIN_PARTS,
    TUNE_PARTS,
    load_parts,
)
from reclaim.safety.detection.lexicon_en import LEXICON
from reclaim.safety.detection.semantic import (
    FLOOR,
    MODELS_DIR,
    PIECE_WORDS,
    RiskModel,
    Scores,
    combine,
    layer_for,
    sentences,
    unit_texts,
)
from reclaim.safety.detection.wording import WEIGHT

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def layer():
    return layer_for("en", LEXICON.normalise)


def test_the_installed_weights_are_the_pinned_ones():
    archive = encoder_module.package_archive()
    weights = encoder_module.read_weights(archive)
    tokenizer = encoder_module.read_tokenizer(archive)
    assert hashlib.sha256(weights).hexdigest() == encoder_module.WEIGHTS_SHA256
    assert '"[CLS]"' in tokenizer


def test_weights_with_another_hash_are_refused(tmp_path):
    archive = tmp_path / "model.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(encoder_module.WEIGHTS, b"not the weights we pinned")
        zf.writestr(encoder_module.TOKENIZER, "{}")
    with pytest.raises(encoder_module.EncoderUnavailable, match="SHA-256"):
        encoder_module.read_weights(archive)


def test_a_missing_archive_is_refused_without_quoting_paths(tmp_path):
    with pytest.raises(encoder_module.EncoderUnavailable, match="cannot read"):
        encoder_module.read_weights(tmp_path / "absent.zip")


def test_loading_and_detecting_never_touch_the_network(tmp_path):
    # A fresh process with every way out to the network closed, and the same
    # for any Python it starts (the child that builds the encoder's graph):
    # Python imports `sitecustomize` from the path at every start. Loading the
    # encoder and detecting must still work, and the app's own process must
    # never have imported the graph-building packages.
    (tmp_path / "sitecustomize.py").write_text(
        textwrap.dedent(
            """
            import socket

            def refuse(*args, **kwargs):
                raise RuntimeError("network use")

            socket.socket.connect = refuse
            socket.socket.connect_ex = refuse
            socket.create_connection = refuse
            socket.getaddrinfo = refuse
            """
        )
    )
    script = textwrap.dedent(
        """
        import socket, sys
        assert socket.getaddrinfo.__name__ == "refuse", "the guard is not in place"
        from reclaim.safety.detection import detect, warm
        assert warm(), "the semantic layer did not load"
        result = detect("i have decided how i will do it and the day")
        print(result.level, any(r.startswith("semantic.") for r in result.reasons))
        print("onnx" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    level, semantic_fired, built_here = done.stdout.split()
    assert level in ("elevated", "urgent")
    assert semantic_fired == "True"
    assert built_here == "False", "the graph was built in the app's process, not apart"


def test_the_graph_built_apart_is_the_graph_built_here():
    archive = encoder_module.package_archive()
    apart = encoder_module.int8_graph_in_child(archive)
    assert apart is not None
    assert apart == encoder_module.int8_graph(archive)


def test_the_child_builds_with_this_reclaim_wherever_the_server_was_started(monkeypatch, tmp_path):
    # Started from a folder that holds some other `reclaim` (an old checkout),
    # the child still imports this one.
    (tmp_path / "reclaim").mkdir()
    (tmp_path / "reclaim" / "__init__.py").write_text("raise ImportError('the wrong copy')\n")
    monkeypatch.chdir(tmp_path)
    assert encoder_module.int8_graph_in_child(encoder_module.package_archive()) is not None


@pytest.mark.parametrize("program", ["/usr/local/bin/uwsgi", "/nowhere/python3"])
def test_where_no_child_can_run_the_caller_is_told_to_build_it_itself(monkeypatch, caplog, program):
    # uWSGI embeds Python, so sys.executable is not a Python to start; a
    # missing one fails to start. Either way there is no graph from a child.
    monkeypatch.setattr(sys, "executable", program)
    assert encoder_module.int8_graph_in_child(encoder_module.package_archive()) is None


def test_the_encoder_places_paraphrases_close_and_other_topics_far():
    vectors = encoder_module.shared_encoder().embed(
        [
            "A man is eating food.",
            "A man is eating a piece of bread.",
            "The girl is carrying a baby.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similar, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    # The published figure for this pair with the full-precision model is 0.755.
    assert 0.70 < similar < 0.80
    assert unrelated < 0.2


def test_the_model_was_trained_on_the_corpus_in_the_repo():
    card = json.loads((MODELS_DIR / "risk_en.json").read_text())
    for name, digest in {**card["trained_on"], **card["tuned_on"]}.items():
        path = CORPUS_DIR / f"{name}.tsv"
        if not path.exists():
            path = LABELLED_DIR / f"{name}.tsv"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name
    assert card["encoder"] == encoder_module.MiniLMEncoder.name


def test_every_corpus_part_has_one_split_and_the_model_never_saw_the_unlearned_ones():
    card = json.loads((MODELS_DIR / "risk_en.json").read_text())
    splits = (
        *TRAIN_PARTS, *TUNE_PARTS, *CHOICE_PARTS, *HELDOUT_PARTS, *MEASURED_PARTS, *RESERVED_PARTS,
    )  # fmt: skip
    on_disk = sorted(path.stem for path in CORPUS_DIR.glob("part_*.tsv"))
    assert sorted(splits) == on_disk  # each part once, none forgotten
    for name in (*CHOICE_PARTS, *HELDOUT_PARTS, *RESERVED_PARTS):
        assert name not in card["trained_on"] and name not in card["tuned_on"]


def test_the_head_scores_risk_each_category_and_urgency(layer):
    head = layer.model.head
    assert head.outputs == ("risk", "suicide", "self_harm", "harm_to_others", "abuse", "urgent")
    texts = ["i have the pills counted out for sunday", "we made pancakes"]
    scores = layer.model.unit_scores(layer.model.encoder.embed(texts), texts)
    assert scores.shape == (2, 6)
    risky, everyday = (Scores(dict(zip(head.outputs, map(float, row)))) for row in scores)
    assert risky.alarm > head.thresholds["alarm"] > everyday.alarm
    assert risky.scores["risk"] > everyday.scores["risk"]
    assert max(risky.kinds, key=risky.kinds.__getitem__) == "suicide"


@pytest.mark.parametrize("units", [0, 1, 3, 4, 5, 40])
def test_scores_are_the_same_one_unit_at_a_time_or_many(layer, units):
    # A few units are scored one by one, more in one product; a unit's score
    # must not depend on which, nor on what else is in the text. The sum over
    # every support vector is in float64; summed in float32 it moved a score
    # by up to 0.003 with the company a unit kept.
    head = layer.model.head
    vectors = np.random.default_rng(units).standard_normal((units, 384)).astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    together = head.scores(vectors)
    assert together.shape == (units, len(head.outputs))
    for i in range(units):
        assert np.allclose(together[i], head.scores(vectors[i : i + 1])[0], atol=1e-4)


def test_the_wording_view_adds_to_the_machines_and_survives_saving(layer, tmp_path):
    texts = ["i have the pills counted out for sunday", "we made pancakes"]
    vectors = layer.model.encoder.embed(texts)
    wording = layer.model.wording.scores(texts)
    both = layer.model.unit_scores(vectors, texts)
    assert np.allclose(both, layer.model.head.scores(vectors) + WEIGHT * wording, atol=1e-5)
    assert wording[0, 0] > wording[1, 0]  # the words of a plan weigh towards risk
    layer.model.save("xx", tmp_path)
    again = RiskModel.load("xx", tmp_path)
    assert np.allclose(again.unit_scores(vectors, texts), both, atol=1e-4)


def test_the_cards_thresholds_are_what_the_tuning_part_gives_the_head(layer):
    # If how the layer decides changes (`Scores.alarm`, `FLOOR`) and the
    # thresholds are not chosen again (`train --thresholds-only`), the card
    # no longer means what it says.
    from reclaim.safety.detection.train import choose_thresholds, encode

    tune = encode(layer.model.encoder, load_parts(TUNE_PARTS))
    found = choose_thresholds(layer.model, tune)
    assert found == pytest.approx(layer.model.head.thresholds, abs=2e-4)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tired of surviving, i want it to be finished", "suicide"),
        ("wrote down her number plate and the time she leaves the gym", "harm_to_others"),
    ],
)  # fmt: skip
def test_a_kind_the_head_is_sure_of_opens_the_panel_where_risk_alone_is_unsure(layer, text, kind):
    # Quiet writing: no rule hears it, and "risk" alone stays below its own
    # boundary; the kind's machine is sure, and the two together fire.
    assert detect_rules(text).level == "none"
    scores = layer.score(text)
    assert scores.scores["risk"] < 0
    assert scores.alarm >= layer.model.head.thresholds["alarm"]
    found = detect(text)
    assert found.level != "none"
    assert kind in found.categories
    # The reasons say what decided, with its score, and hold no words.
    assert found.reasons[0] == f"semantic.alarm ({scores.alarm:.2f})"
    assert not set(re.findall(r"[a-z]{4,}", text.lower())) & set(
        re.findall(r"[a-z]{4,}", " ".join(found.reasons).replace("semantic", ""))
    )


def test_a_calm_text_is_scored_for_risk_alone_and_a_risky_one_in_full(layer):
    # "risk" uses only the first `risk_rows` support vectors, so a text whose
    # "risk" is below the floor reads no more; any other gets every output,
    # the same as summing over all the support vectors at once.
    model, head = layer.model, layer.model.head
    assert 0 < head.risk_rows < len(head.support)
    assert not head.coef[head.risk_rows :, 0].any()
    for texts, fires in (
        (["i have the pills counted out for sunday", "the kids are at his mum's"], True),
        (["we made pancakes", "then we walked the dog by the river"], False),
    ):
        vectors = model.encoder.embed(texts)
        full = model.unit_scores(vectors, texts).max(axis=0)
        strongest = model.strongest(vectors, texts)
        assert bool(full[0] >= FLOOR) is fires
        assert strongest[0] == pytest.approx(full[0], abs=1e-5)
        if fires:
            assert np.allclose(strongest, full, atol=1e-5)
        else:
            assert np.isneginf(strongest[1:]).all()


def test_the_stored_wording_keeps_no_words(layer):
    with np.load(MODELS_DIR / "risk_en.npz") as arrays:
        kinds = {name: arrays[name].dtype.kind for name in arrays.files}
    assert set(kinds.values()) <= {"f", "i"}  # numbers only: hashed slots and weights


def test_units_are_read_in_words_in_the_order_of_their_embeddings():
    assert unit_texts(["one", "two", "three"]) == ["one", "two", "three", "one two", "two three"]
    assert unit_texts(["alone"]) == ["alone"]


@pytest.mark.parametrize("length", [41, 55, 60, 70, 130])
def test_a_run_on_sentence_is_cut_into_pieces_so_nothing_is_dropped(length):
    words = [f"word{i}" for i in range(length)]
    parts = sentences(LEXICON.normalise, " ".join(words))
    assert len(parts) > 1
    assert all(len(p.split()) <= PIECE_WORDS for p in parts)
    covered = {w for p in parts for w in p.split()}
    assert covered == set(words)


def test_slang_is_read_as_words_before_encoding():
    assert sentences(LEXICON.normalise, "gonna kms tonight") == ["going to kill myself tonight"]


@pytest.mark.parametrize(
    "risky",
    [
        "i sorted out which of my tablets to take and how many, it will be sunday",
        "the last few days i have been quietly saying goodbye to everyone i love",
        "i have started following her home from the gym to learn when she is alone",
        "he had his hands round my throat on tuesday until everything went grey",
    ],
)
def test_one_risky_sentence_among_four_ordinary_ones_is_heard(risky):
    ordinary = [
        "Work was busy and the printer broke again.",
        "I picked up bread, eggs and the good coffee on the way home.",
        "The kids watched a film while I folded the washing.",
        "Tomorrow I have to ring the dentist about the little one's tooth.",
    ]
    for position in (0, 2, 4):
        lines = [*ordinary]
        lines.insert(position, risky[0].upper() + risky[1:] + ".")
        result = detect(" ".join(lines))
        assert result.is_risk, (position, risky)


def test_an_ordinary_passage_with_risk_words_in_idioms_stays_quiet():
    passage = (
        "Honestly this week is killing me. I was dead on my feet by Friday. "
        "The kids were dying to go to the pool so we went anyway. "
        "Then we watched a murder mystery and I fell asleep on the sofa."
    )
    assert detect(passage).level == "none"


def test_reasons_name_the_layer_and_its_score_never_the_words(layer):
    result = detect_semantic("i counted out enough of my pills and chose the night")
    assert result.is_risk
    assert all(r.startswith("semantic.") for r in result.reasons)
    assert all("pills" not in r for r in result.reasons)
    assert all(re.fullmatch(r"semantic\.[a-z_]+ \(-?\d+\.\d\d\)", r) for r in result.reasons)


def test_both_layers_are_joined_at_the_higher_level():
    from reclaim.safety.detection import RiskAssessment

    rules = RiskAssessment(level="elevated", categories=frozenset({"abuse"}), reasons=("r",))
    joined = combine(rules, {"suicide": "urgent"}, ["semantic.suicide (0.90)"])
    assert joined.level == "urgent"
    assert joined.categories == {"abuse", "suicide"}
    assert joined.reasons == ("r", "semantic.suicide (0.90)")


@pytest.mark.parametrize(
    "everyday",
    [
        "I cut myself on the lawnmower blade fixing it, nothing major.",
        "I burned my hand on the candle at the restaurant.",
    ],
)
def test_an_everyday_mishap_the_rules_flag_is_set_aside_when_the_layer_is_sure(everyday):
    assert detect_rules(everyday).level == "elevated"
    result = detect(everyday)
    assert result.level == "none"
    assert not result.categories
    assert len(result.reasons) == 1
    assert re.fullmatch(r"rules\.set_aside \(-\d+\.\d\d\)", result.reasons[0])


def test_the_rules_urgent_findings_are_never_set_aside(monkeypatch):
    # However sure the layer claims to be, an urgent rules finding stands.
    monkeypatch.setattr(semantic_module, "DOUBT", 100.0)
    assert detect("I'm going to kill myself tonight").level == "urgent"
    assert detect("I burned my hand on the candle at the restaurant.").level == "none"


def test_an_elevated_rules_finding_stands_when_the_layer_is_unsure(monkeypatch):
    monkeypatch.setattr(semantic_module, "DOUBT", float("-inf"))
    result = detect("I burned my hand on the candle at the restaurant.")
    assert result.level == "elevated"
    assert result.categories == {"self_harm"}


def test_a_language_without_a_semantic_layer_says_so_and_still_runs_the_rules():
    result = detect("I want to kill myself", language="es")
    assert result.level == "urgent"
    assert any(r.startswith("language.es") for r in result.reasons)
    quiet = detect("hoy fue un buen día", language="es")
    assert quiet.level == "none"
    assert any("no semantic layer" in r for r in quiet.reasons)


def test_the_rules_layer_alone_is_still_available_and_unchanged():
    assert detect_rules("I could kill him for lying").level == "none"
    assert detect_rules("I'm going to kill myself tonight").level == "urgent"


def test_a_model_file_that_does_not_match_its_card_is_refused(tmp_path):
    for name in ("risk_en.json", "risk_en.npz"):
        (tmp_path / name).write_bytes((MODELS_DIR / name).read_bytes())
    RiskModel.read("en", tmp_path)  # an exact copy reads
    arrays = tmp_path / "risk_en.npz"
    arrays.write_bytes(arrays.read_bytes() + b"\0")
    with pytest.raises(encoder_module.EncoderUnavailable, match="SHA-256"):
        RiskModel.read("en", tmp_path)
