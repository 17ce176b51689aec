"""khabar.dask.extract_frame on a local Dask cluster with process workers: the tables equal the
single-process ones, clusters included when a story's reports fall in different partitions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import khabar

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

import khabar.dask  # noqa: E402  (after the skips: it needs dask)

# Written for this test: two stories told twice (a re-post under another headline), and unrelated
# items, in both languages. The re-post of the port story has no publication date: it takes its
# cluster's day.
PORT = (
    "Oman opens container terminal at Duqm\n\nMUSCAT, May 12 - Oman's transport minister opened a "
    "new container terminal at the port of Duqm on Sunday, saying it would handle three million "
    'containers a year. "This terminal puts Duqm on the map of world shipping," the minister told '
    "reporters at the ceremony."
)
PORT_REPOST = "Duqm terminal opens to ships\n\n" + PORT.split("\n\n", 1)[1] + "\n\nShare this article"
FLOOD = (
    "سيول تقطع طرقا في جنوب اليمن\n\nعدن - قطعت السيول الناجمة عن أمطار غزيرة ثلاثة طرق رئيسية في "
    "محافظة لحج يوم الأحد، وقال مسؤول في الدفاع المدني إن فرق الإنقاذ أجلت عشرات الأسر من المناطق "
    "المنخفضة."
)
FLOOD_REPOST = "الدفاع المدني يجلي أسرا بعد السيول\n\n" + FLOOD.split("\n\n", 1)[1] + "\n\nاقرأ أيضا"
RATES = (
    "Kenya's central bank holds its key rate\n\nNAIROBI - The Central Bank of Kenya kept its "
    "benchmark lending rate at 12.5 percent on Tuesday, citing easing inflation and a stable shilling."
)
BOOKS = (
    "افتتاح معرض الكتاب في الرباط\n\nالرباط - افتتح وزير الثقافة المغربي يوم الخميس الدورة الجديدة "
    "لمعرض الكتاب بمشاركة أكثر من سبعمائة دار نشر من خمسين بلدا."
)
ROWS = [
    # three partitions of two rows: each story's two reports fall in different partitions
    ("port", PORT, "2024-05-12"),
    ("flood", FLOOD, "2024-05-12"),
    ("rates", RATES, "2024-05-14"),
    ("port-repost", PORT_REPOST, None),
    ("books", BOOKS, "2024-05-16"),
    ("flood-repost", FLOOD_REPOST, "2024-05-12"),
]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def frame() -> Any:
    return pd.DataFrame(
        {
            "key": [r[0] for r in ROWS],
            "body": [r[1] for r in ROWS],
            "date": [r[2] for r in ROWS],
        }
    )


def test_local_cluster_equals_one_process(client: Any) -> None:
    df = frame()
    single = khabar.extract_frame(df, text="body", id="key", published="date")
    ddf = dd.from_pandas(df, npartitions=3)
    assert ddf.npartitions == 3
    tables = khabar.dask.extract_frame(ddf, text="body", id="key", published="date")
    assert set(tables) == set(khabar.frames.TABLES)
    computed = dict(zip(tables, dask.compute(*tables.values()), strict=True))
    for name, got in computed.items():
        pd.testing.assert_frame_equal(got.reset_index(drop=True), single[name])
        # each table's meta has the columns and dtypes of the computed frames
        assert dict(tables[name].dtypes) == dict(got.dtypes), name

    docs = computed["documents"].set_index("doc_id")
    clusters = docs["cluster"]
    assert clusters["port"] == clusters["port-repost"]
    assert clusters["flood"] == clusters["flood-repost"]
    assert len({clusters["port"], clusters["flood"], clusters["rates"], clusters["books"]}) == 4
    # the undated re-post took its day from the cluster, across partitions
    assert docs.loc["port-repost", "published_source"] == "cluster"
    assert str(docs.loc["port-repost", "published"].date()) == "2024-05-12"
    assert len(computed["mentions"]) > 10


def test_cluster_ids_do_not_depend_on_the_partitioning(client: Any) -> None:
    df = frame()
    ids = []
    for n in (1, 2, 6):
        docs = khabar.dask.extract_frame(dd.from_pandas(df, npartitions=n), text="body", id="key")[
            "documents"
        ].compute()
        ids.append(dict(zip(docs["doc_id"], docs["cluster"], strict=True)))
    assert ids[0] == ids[1] == ids[2]


def test_without_clustering_and_with_index_ids(client: Any) -> None:
    df = frame().set_index("key")
    docs = khabar.dask.extract_frame(dd.from_pandas(df, npartitions=2), text="body", cluster=False)[
        "documents"
    ].compute()
    assert sorted(docs["doc_id"]) == sorted(r[0] for r in ROWS)
    assert docs["cluster"].isna().all()


def test_wrong_arguments() -> None:
    df = frame()
    with pytest.raises(khabar.InputError, match="Dask DataFrame"):
        khabar.dask.extract_frame(df, text="body")
    ddf = dd.from_pandas(df, npartitions=1)
    with pytest.raises(khabar.InputError, match="'text'"):
        khabar.dask.extract_frame(ddf)
    with pytest.raises(khabar.InputError, match="n_threads"):
        khabar.dask.extract_frame(ddf, text="body", n_threads=0)


def test_partition_plans_equal_one_batch_from_signatures_only() -> None:
    """The clustering step sees each partition's signatures, not its texts or records, and the
    plans applied per partition give the records one clustered batch gives."""
    core = khabar._core
    ex = core.Extractor()
    inputs = [(key, body, date, None, []) for key, body, date in ROWS]
    whole = ex.extract(inputs, 1, True)
    parts = [inputs[:2], inputs[2:3], inputs[3:]]
    records = [ex.extract(p, 1, False) for p in parts]
    entries = [core.cluster_entries(r) for r in records]
    # a signature of fixed size and a few facts a document: less than these short items weigh,
    # and a small fraction of a news article of usual length
    assert sum(map(len, entries)) < min(1000 * len(ROWS), sum(len(r.encode()) for rs in records for r in rs))
    plans = core.cluster_plan(entries)
    assert [len(p[0]) for p in plans] == [2, 1, 3]
    applied = [
        r for p, rs, plan in zip(parts, records, plans, strict=True) for r in ex.apply_plan(p, rs, plan)
    ]
    assert applied == whole
    # the re-post (local index 0 of the last part) inherits its cluster's day
    assert plans[2][1] == [(0, "2024-05-12")]
    with pytest.raises(ValueError, match="cluster entries"):
        core.cluster_plan([b"not entries"])
    with pytest.raises(ValueError, match="one record and one cluster id"):
        ex.apply_plan(parts[0], records[0], plans[1])
