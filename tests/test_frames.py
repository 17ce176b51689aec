"""Documents as tidy pandas tables: to_frames() and extract_frame()."""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
from typing import Any

import pytest

import khabar
from khabar.errors import install_command
from khabar.frames import CLUSTER_COLUMNS, COLUMNS, EVENT_ACTOR_COLUMNS, TABLES, frame_columns

pd = pytest.importorskip("pandas")

HEADLINE = "Jordan, Japan agree to expand water cooperation"
TEXT = f"""{HEADLINE}

AMMAN - Jordan and Japan agreed on Tuesday to widen cooperation. "Japan has stood by Jordan," Haddadin said.
"""


def rich_document(
    doc_id: str = "amman-1", published: str | None = "2023-03-14T10:20:00+02:00"
) -> khabar.Document:
    """A document with one of every item, built by hand so every table has rows."""
    start = TEXT.index("Jordan and Japan")
    quote_start = TEXT.index("Japan has stood")
    return khabar.Document(
        id=doc_id,
        lang="en",
        title=HEADLINE,
        published=published,
        published_source="metadata",
        body=TEXT,
        entities=(
            khabar.Entity(
                id="JOR",
                kind="country",
                name="Jordan",
                key="jordan",
                mentions=(khabar.Mention(0, 6, "Jordan"), khabar.Mention(start, start + 6, "Jordan")),
            ),
            khabar.Entity(
                id="samir-haddadin",
                kind="person",
                name="Samir Haddadin",
                country="JOR",
                title="foreign minister",
                mentions=(khabar.Mention(TEXT.index("Haddadin"), TEXT.index("Haddadin") + 8, "Haddadin"),),
            ),
        ),
        dates=(
            khabar.Date(TEXT.index("Tuesday"), TEXT.index("Tuesday") + 7, "Tuesday", "2023-03-14", "day"),
        ),
        quotes=(
            khabar.Quote(
                quote_start,
                quote_start + 25,
                "Japan has stood by Jordan",
                speaker="samir-haddadin",
                cue="said",
            ),
        ),
        events=(
            khabar.Event(
                type="AGREE",
                context=("economic",),
                cameo="057",
                source=("JOR",),
                target=("JPN",),
                date="2023-03-14",
                location="amman",
                start=start - 8,
                end=start + 60,
                trigger="agreed",
            ),
        ),
        text=TEXT,
    )


def test_tables_have_their_columns_and_dtypes(sample_docs: dict[str, khabar.Document]) -> None:
    frames = khabar.to_frames([*sample_docs.values(), rich_document()])
    assert list(TABLES) == ["documents", "entities", "mentions", "dates", "quotes", "events"]
    assert list(frames) == [*TABLES, "event_actors", "clusters"]
    for name in TABLES:
        assert list(frames[name].columns) == list(frame_columns(COLUMNS[name])), name
    assert list(frames["clusters"].columns) == CLUSTER_COLUMNS
    # the hand-built record has no cluster; the samples hold two stories told twice
    assert frames["clusters"]["size"].tolist() == [2, 2, 1, 1]
    docs = frames["documents"]
    assert len(docs) == len(sample_docs) + 1
    assert str(docs["published"].dtype) == "datetime64[ns]"
    assert str(docs["n_entities"].dtype) == "int64"
    for name in ("mentions", "dates", "quotes", "events"):
        assert str(frames[name]["start"].dtype) == "int64"
        assert str(frames[name]["end"].dtype) == "int64"
    assert docs["doc_id"].tolist() == [*sample_docs, "amman-1"]


def test_rows_join_on_doc_id() -> None:
    frames = khabar.to_frames([rich_document("a"), rich_document("b", published=None)])
    assert frames["entities"]["doc_id"].tolist() == ["a", "a", "b", "b"]
    mentions = frames["mentions"]
    assert len(mentions) == 6
    assert set(mentions["entity_id"]) == {"JOR", "samir-haddadin"}
    row = mentions.iloc[0]
    assert TEXT[row["start"] : row["end"]] == row["text"] == "Jordan"
    merged = frames["quotes"].merge(
        frames["entities"], left_on=["doc_id", "speaker"], right_on=["doc_id", "entity_id"]
    )
    assert merged["name"].tolist() == ["Samir Haddadin", "Samir Haddadin"]
    events = frames["events"]
    assert events.loc[0, "source"] == ["JOR"] and events.loc[0, "target"] == ["JPN"]
    assert events.loc[0, "context"] == ["economic"]
    assert frames["entities"].set_index("entity_id").loc["samir-haddadin", "n_mentions"].tolist() == [1, 1]
    documents = frames["documents"].set_index("doc_id")
    assert documents.loc["a", "n_entities"] == 2 and documents.loc["a", "n_events"] == 1
    assert documents.loc["a", "errors"] == []


def test_published_is_as_written_and_published_utc_the_instant() -> None:
    values = [
        "2023-03-14T10:20:00+02:00",
        "2023-03-14T10:20Z",
        "2023-03-14T10:20",
        "2023-03-14",
        None,
        "14 March",
    ]
    docs = [rich_document(str(i), published=v) for i, v in enumerate(values)]
    documents = khabar.to_frames(docs)["documents"]
    published = documents["published"]
    assert published.dt.tz is None and documents["published_utc"].dt.tz is None
    assert published.tolist()[:4] == [
        pd.Timestamp("2023-03-14 10:20"),
        pd.Timestamp("2023-03-14 10:20"),
        pd.Timestamp("2023-03-14 10:20"),
        pd.Timestamp("2023-03-14"),
    ]
    assert documents["published_utc"].tolist()[:2] == [
        pd.Timestamp("2023-03-14 08:20"),
        pd.Timestamp("2023-03-14 10:20"),
    ]
    assert documents["published_utc"].isna().tolist() == [False, False, True, True, True, True]
    assert published.isna().tolist() == [False, False, False, False, True, True]


def test_a_publication_date_pandas_cannot_hold_is_missing_not_an_error() -> None:
    texts = ["Talks resume in Doha on Monday.", "Rains flood roads in Sanaa."]
    docs = khabar.extract(texts, published=["3024-05-01", "2024-05-01"])
    assert [d.published for d in docs] == ["3024-05-01", "2024-05-01"]
    published = khabar.to_frames(docs)["documents"]["published"].tolist()
    assert pd.isna(published[0]) and published[1] == pd.Timestamp("2024-05-01")
    frame = khabar.extract_frame(
        pd.DataFrame({"text": texts, "day": ["3024-05-01", "2024-05-01"]}), published="day"
    )
    assert frame["documents"]["published"].isna().tolist() == [True, False]


def test_a_month_beside_a_quantity_is_not_the_publication_day() -> None:
    # a table of shipments: "Aug 13126" is a month and a figure, not 1 August 3126
    text = "Grain shipments by month\n\n Aug 13126\n Oct 4462\n Dec 167\n Total 17755\n"
    doc = khabar.extract([text])[0]
    assert doc.published is None
    assert khabar.to_frames([doc])["documents"]["published"].isna().all()


def test_an_event_on_a_part_of_the_day_is_dated_by_its_day() -> None:
    for text in (
        "Israel and Lebanon agreed on a ceasefire on Friday afternoon.",
        "واتفقت إسرائيل ولبنان على وقف إطلاق النار مساء الجمعة.",
    ):
        [doc] = khabar.extract([text], published=["2024-03-04"])
        assert [d.value for d in doc.dates] == ["2024-03-01TAF" if "Friday" in text else "2024-03-01TEV"]
        events = khabar.to_frames([doc])["events"]
        assert len(events) == 1, text
        assert events["date"].iloc[0] == pd.Timestamp("2024-03-01")
        assert events["date_grain"].iloc[0] == "day"


def test_empty_input_gives_empty_tables_with_columns() -> None:
    frames = khabar.to_frames([])
    for name, df in frames.items():
        assert len(df) == 0
        expected = {"clusters": CLUSTER_COLUMNS, "event_actors": list(EVENT_ACTOR_COLUMNS)}
        assert list(df.columns) == expected.get(name, list(frame_columns(COLUMNS.get(name, {}))))
    assert str(frames["mentions"]["start"].dtype) == "int64"
    assert str(frames["documents"]["published"].dtype) == "datetime64[ns]"


def test_frames_write_to_parquet_and_back(tmp_path: Any) -> None:
    pytest.importorskip("pyarrow")
    frames = khabar.to_frames([rich_document()])
    for name, df in frames.items():
        path = tmp_path / f"{name}.parquet"
        df.to_parquet(path, index=False)
        back = pd.read_parquet(path)
        assert list(back.columns) == list(df.columns)
        assert len(back) == len(df)
    back = pd.read_parquet(tmp_path / "events.parquet")
    assert list(back.loc[0, "source"]) == ["JOR"]


def test_extract_frame_with_id_column_and_published() -> None:
    df = pd.DataFrame(
        {
            "article_id": ["kw-8", "am-14"],
            "content": ["الكويت والعراق يستأنفان محادثات الحدود\n\nاستأنف البلدان المحادثات أمس.", TEXT],
            "date": ["2023-04-08", pd.NaT],
        },
        index=[10, 20],
    )
    frames = khabar.extract_frame(df, text="content", id="article_id", published="date")
    docs = frames["documents"]
    assert docs["doc_id"].tolist() == ["kw-8", "am-14"]
    assert docs["lang"].tolist() == ["ar", "en"]
    assert docs.loc[0, "published"] == pd.Timestamp("2023-04-08")
    assert docs.loc[0, "published_source"] == "metadata"
    assert pd.isna(docs.loc[1, "published"])


def test_extract_frame_uses_the_index_and_a_given_extractor() -> None:
    df = pd.DataFrame({"text": [TEXT, None]}, index=pd.Index([101, 102], name="row"))
    frames = khabar.extract_frame(df, extractor=khabar.Extractor(), n_threads=1)
    docs = frames["documents"]
    assert docs["doc_id"].tolist() == ["101", "102"]
    assert docs.loc[1, "errors"] == ["missing_text"]
    assert docs.loc[1, "error_messages"] == ["missing text"]


def test_extract_frame_rejects_missing_columns() -> None:
    df = pd.DataFrame({"body": [TEXT]})
    with pytest.raises(khabar.InputError, match="'text'"):
        khabar.extract_frame(df)
    with pytest.raises(khabar.InputError, match="'when'"):
        khabar.extract_frame(df, text="body", published="when")
    with pytest.raises(khabar.InputError):
        khabar.extract_frame([TEXT])  # type: ignore[arg-type]


def test_missing_pandas_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(khabar.MissingDependencyError, match=re.escape(install_command("pandas"))) as info:
        khabar.to_frames([rich_document()])
    assert isinstance(info.value, ImportError)
    assert info.value.package == "pandas"


def test_entities_carry_the_body_a_person_acts_for() -> None:
    text = (
        "GENEVA - The UN under-secretary-general for humanitarian affairs warned on Friday that "
        "funding for camps in Chad had fallen by half, and asked donors to act before the rains."
    )
    for frames in (
        khabar.to_frames(khabar.extract([text])),
        khabar.extract_frame(pd.DataFrame({"text": [text]})),
    ):
        ents = frames["entities"]
        roles = ents[ents["affiliation"].notna()]
        assert roles["affiliation"].tolist() == ["UN"], ents
        assert roles["kind"].tolist() == ["person"]
        assert roles["country"].isna().all()


# Reports in both languages and inputs that are not clean text: the column path and the documents
# path must give the same tables for all of them.
MIXED = [
    TEXT,
    TEXT.replace("Tuesday", "Wednesday").replace("AMMAN", "TOKYO"),
    "عمّان - وقّع الأردن واليابان اتفاقية للتعاون في مجال المياه يوم الثلاثاء.",
    "عمّان - وقّع الأردن واليابان يوم الثلاثاء اتفاقية للتعاون المائي.",
    b"Paris \xff\xfe and Berlin talked on Friday.",
    None,
    "",
    "   \n\t ",
    'Rabat - Morocco and Germany signed an accord on 3 May 2024. "It is a new page," the minister said.',
]
MIXED_PUBLISHED = [None, "2023-03-15", "2023-03-14", None, "not a date", None, None, None, "2024-05-03"]


def _assert_same_frames(got: dict[str, Any], want: dict[str, Any], *, why: bool = True) -> None:
    assert list(got) == list(want)
    for name in got:
        a, b = got[name], want[name]
        if not why and name == "clusters":
            a, b = a.drop(columns="why"), b.drop(columns="why")
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)


def test_to_frames_of_documents_equals_the_column_path() -> None:
    pytest.importorskip("pyarrow")
    ex = khabar.Extractor()
    ids = [f"d{i}" for i in range(len(MIXED))]
    docs = ex.extract(MIXED, ids=ids, published=MIXED_PUBLISHED, progress=False)
    assert {e.code for d in docs for e in d.errors} >= {"bad_encoding", "missing_text"}
    columns = ex.extract_frames(MIXED, ids=ids, published=MIXED_PUBLISHED)
    # the column path has no documents at hand to say why a cluster's members were joined
    _assert_same_frames(khabar.to_frames(docs), columns, why=False)
    assert len(columns["entities"]) > 4 and len(columns["dates"]) > 2 and len(columns["quotes"]) > 1


def test_documents_of_several_batches_and_by_hand_make_the_tables_of_their_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("pyarrow")
    ex = khabar.Extractor()
    first = ex.extract(MIXED[:4], ids=["a0", "a1", "a2", "a3"], progress=False)
    second = ex.extract(MIXED[4:], ids=[f"b{i}" for i in range(len(MIXED) - 4)], progress=False)
    renamed = dataclasses.replace(second[-1], id="b-renamed")
    docs = [second[0], *first[2:], rich_document(), *first[:2], renamed, *second[1:]]
    fast = khabar.to_frames(docs)
    # the same documents' tables built by walking the Python objects
    monkeypatch.setattr(khabar.frames, "have_pyarrow", lambda: False)
    _assert_same_frames(fast, khabar.to_frames(docs))
    assert fast["documents"]["doc_id"].tolist() == [d.id for d in docs]


def test_clusters_of_a_run_seen_in_chunks_equal_those_of_all_its_documents() -> None:
    """The command line's clusters table: summaries per cluster merged chunk by chunk (titles
    chosen across chunks, members dated only through their cluster last) give the table of all
    the documents at once."""
    from khabar.frames import RunClusters, _frame, clusters_frame

    rng = __import__("random").Random(7)
    rows = []
    for n in range(120):
        day = rng.choice([None, "2024-03-01", "2024-03-02T08:00:00", "2024-03-02T08:00:00+03:00"])
        rows.append(
            {
                **dict.fromkeys(COLUMNS["documents"]),
                "doc_id": f"d{n:03}",
                "lang": rng.choice(["ar", "en", None]),
                "title": rng.choice([None, f"title {n}"]),
                "published": day,
                "published_source": rng.choice(["text", "metadata", "cluster", None]),
                "source": rng.choice(["Petra", "Reuters", "SANA", None]),
                "cluster": rng.choice([None, *(f"c{k}" for k in range(25))]),
                **dict.fromkeys(("n_entities", "n_dates", "n_quotes", "n_events"), 0),
                "errors": [],
                "error_messages": [],
            }
        )
    whole = _frame(pd, rows, COLUMNS["documents"])
    why = {"c3": "shared facts"}
    expected = clusters_frame(pd, whole, why)
    for size in (1, 7, 50, 120):
        run = RunClusters(pd)
        for at in range(0, len(rows), size):
            run.add(_frame(pd, rows[at : at + size], COLUMNS["documents"]), why)
        # summaries halving in number, under twice a row per cluster
        sizes = [len(p) for p in run.parts]
        assert all(2 * b < a for a, b in itertools.pairwise(sizes)) and sum(sizes) < 2 * len(expected)
        pd.testing.assert_frame_equal(run.frame(), expected)
    assert RunClusters(pd).frame().columns.tolist() == CLUSTER_COLUMNS
