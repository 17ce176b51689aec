"""Scale: pickling, fork safety, determinism across thread counts and batch orders, and the column
path equal to the document path."""

from __future__ import annotations

import multiprocessing
import pickle
import random
from typing import Any

import pytest

import khabar
from khabar import _core
from khabar.errors import InputError, KhabarError, MissingDependencyError

# Short articles written for these tests: two outlets telling one story in each language, and
# unrelated items, so that clustering has something to join.
ARTICLES = {
    "en-1": "Jordan and Egypt agree to link power grids\n\nAMMAN, March 3 - Jordan's energy minister "
    'said on Sunday that the two countries would sign the grid agreement next week. "The line will '
    'carry 2,000 megawatts," he told reporters in Amman.',
    # A re-post of en-1 under another headline, with other clutter: a near-duplicate.
    "en-2": "Grid deal: Jordan and Egypt to sign next week\n\nAMMAN, March 3 - Jordan's energy minister "
    'said on Sunday that the two countries would sign the grid agreement next week. "The line will '
    'carry 2,000 megawatts," he told reporters in Amman.\n\nRead more: energy news',
    "en-3": "Storm closes ports on the Red Sea coast\n\nJEDDAH - Authorities closed three ports on "
    "Tuesday as a storm moved along the coast, the port authority said in a statement.",
    "ar-1": "الأردن ومصر يتفقان على ربط شبكتي الكهرباء\n\nعمّان - قال وزير الطاقة الأردني يوم الأحد إن "
    "البلدين سيوقعان اتفاقية الربط الكهربائي الأسبوع المقبل، مضيفا أن الخط سينقل ألفي ميغاواط.",
    "ar-2": "توقيع اتفاقية الربط الكهربائي بين الأردن ومصر الأسبوع المقبل\n\nالقاهرة - أعلن وزير الطاقة "
    "الأردني يوم الأحد أن الأردن ومصر سيوقعان الأسبوع المقبل اتفاقية لربط شبكتي الكهرباء.",
    "ar-3": "عاصفة تغلق موانئ على ساحل البحر الأحمر\n\nجدة - أغلقت السلطات ثلاثة موانئ يوم الثلاثاء مع "
    "تحرك عاصفة على طول الساحل، بحسب بيان لهيئة الموانئ.",
}
PUBLISHED = {k: "2024-03-03" for k in ARTICLES}


def extract(ids: list[str], **kw: Any) -> dict[str, khabar.Document]:
    docs = khabar.extract([ARTICLES[i] for i in ids], ids=ids, published=[PUBLISHED[i] for i in ids], **kw)
    return {d.id: d for d in docs}


# ---------------------------------------------------------------- pickling


def test_extractors_pickle_as_their_configuration() -> None:
    ex = khabar.Extractor({"no_cluster": True})
    payload = pickle.dumps(ex)
    assert len(payload) < 500  # the configuration, not the knowledge base
    back = pickle.loads(payload)
    assert back.config == ex.config
    [a] = ex.extract(ARTICLES["en-1"])
    [b] = back.extract(ARTICLES["en-1"])
    assert a == b
    core = pickle.loads(pickle.dumps(_core.Extractor('{"no_cluster": true}')))
    assert core.config_json() == '{"no_cluster": true}'


def test_documents_pickle() -> None:
    docs = extract(["ar-1", "en-1"])
    for doc in docs.values():
        assert doc.entities, "the test needs entities to round-trip"
        assert pickle.loads(pickle.dumps(doc)) == doc


@pytest.mark.parametrize(
    "error",
    [
        KhabarError("the core returned 2 records for 3 documents"),
        InputError("ids has 2 values for 3 texts"),
        MissingDependencyError("pandas", "pandas", "khabar.to_frames()"),
    ],
)
def test_exceptions_pickle(error: Exception) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    if isinstance(error, MissingDependencyError):
        assert isinstance(back, MissingDependencyError)
        assert (back.package, back.extra) == ("pandas", "pandas")


def test_dask_token_is_stable() -> None:
    tokenize = pytest.importorskip("dask.base").tokenize
    a, b = khabar.Extractor(), pickle.loads(pickle.dumps(khabar.Extractor()))
    assert tokenize(a) == tokenize(b)
    assert tokenize(a) != tokenize(khabar.Extractor({"no_cluster": True}))


# ---------------------------------------------------------------- threads and processes


def _extract_in_child(text: str) -> int:
    [doc] = khabar.extract(text, n_threads=2)
    return len(doc.entities)


def test_fork_after_the_pool_was_used_does_not_hang() -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    # The parent's pool is built and busy before the fork...
    expected = [len(extract([i], n_threads=2)[i].entities) for i in ("en-1", "ar-1")]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        # ...and each child must build its own instead of waiting on threads that fork did not copy.
        result = pool.map_async(_extract_in_child, [ARTICLES["en-1"], ARTICLES["ar-1"]])
        assert result.get(timeout=120) == expected


def test_same_result_on_any_thread_count() -> None:
    ids = list(ARTICLES)
    one = extract(ids, n_threads=1)
    assert extract(ids, n_threads=2) == one
    assert extract(ids, n_threads=7) == one


def test_same_result_in_any_batch_order_and_chunking(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = list(ARTICLES)
    base = extract(ids)
    assert base["en-1"].cluster == base["en-2"].cluster != base["en-3"].cluster
    for seed in (1, 2):
        shuffled = ids[:]
        random.Random(seed).shuffle(shuffled)
        assert extract(shuffled) == base
    # Clusters span the chunks the core is fed: en-1 and en-2 fall in different chunks here.
    monkeypatch.setattr("khabar.extractor.CHUNK_DOCS", 2)
    apart = ["en-1", "ar-1", "en-3", "en-2", "ar-2", "ar-3"]
    assert extract(apart) == base


# ---------------------------------------------------------------- columns


def test_column_path_equals_document_path() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    ids = list(ARTICLES)
    docs = list(extract(ids).values())
    texts = [ARTICLES[i] for i in ids]
    pub = [PUBLISHED[i] for i in ids]
    fast = khabar.Extractor().extract_frames(texts, ids=ids, published=pub)
    rows = khabar.frames.tables(docs)
    for name, columns in khabar.frames.COLUMNS.items():
        slow = khabar.frames._frame(pd, rows[name], columns)
        pd.testing.assert_frame_equal(fast[name], slow, check_like=False)
        assert len(fast[name]) == len(slow)
    assert len(fast["mentions"]) > 10


def test_arrow_and_polars_tables() -> None:
    pytest.importorskip("pyarrow")
    docs = list(extract(["ar-1", "en-1"]).values())
    arrow = khabar.to_arrow(docs)
    assert arrow["mentions"].num_rows == sum(len(e.mentions) for d in docs for e in d.entities)
    texts = arrow["mentions"].column("text").to_pylist()
    assert texts == [m.text for d in docs for e in d.entities for m in e.mentions]
    pl = pytest.importorskip("polars")
    frames = khabar.to_polars(docs)
    assert isinstance(frames["documents"], pl.DataFrame)
    assert frames["documents"]["doc_id"].to_list() == ["ar-1", "en-1"]
