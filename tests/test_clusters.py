"""Same-story clusters from Python: khabar.cluster on documents extracted separately, and the
clusters table."""

from __future__ import annotations

import pytest

import khabar

MEETING_AR = (
    "بوريطة يستقبل وزيرة الخارجية الألمانية في الرباط\n\n"
    "استقبل وزير الخارجية المغربي ناصر بوريطة، اليوم الخميس، وزيرة الخارجية الألمانية أنالينا بيربوك "
    "في الرباط، وبحث الجانبان تعزيز التعاون في مجال الطاقة المتجددة والهيدروجين الأخضر.\n\n"
    'وقال بوريطة في مؤتمر صحفي مشترك: "نأمل أن تنطلق المشاريع الجديدة بحلول عام 2025".'
)
MEETING_EN = (
    "Morocco, Germany pledge cooperation on green hydrogen\n\nThu, 9 Nov 2023 - 10:05 GMT\n\n"
    "RABAT - Moroccan Foreign Minister Nasser Bourita received German Foreign Minister Annalena Baerbock "
    "in Rabat on Thursday, and the two discussed cooperation on renewable energy and green hydrogen.\n\n"
    '"We hope the new projects start by 2025," Bourita told a joint press conference.'
)
OTHER_EN = (
    "Central bank raises rates by half a point\n\nTue, 7 Nov 2023 - 08:00 GMT\n\n"
    "The central bank raised its main interest rate by half a percentage point on Tuesday, citing "
    "persistent inflation and rising food and energy prices over recent months."
)


def test_cluster_documents_extracted_apart() -> None:
    ar = khabar.Extractor({"no_cluster": True}).extract([MEETING_AR], ids=["ar"])
    en = khabar.Extractor({"no_cluster": True}).extract([MEETING_EN, OTHER_EN], ids=["en", "bank"])
    assert ar[0].published is None
    docs = khabar.cluster(ar + en)
    assert [d.id for d in docs] == ["ar", "en", "bank"]
    assert docs[0].cluster == docs[1].cluster != docs[2].cluster
    assert docs[0].published == "2023-11-09"
    assert docs[0].published_source == "cluster"
    thursday = next(d for d in docs[0].dates if "الخميس" in d.text)
    assert thursday.value == "2023-11-09"


def test_clusters_table() -> None:
    pytest.importorskip("pandas")
    docs = khabar.extract([MEETING_AR, MEETING_EN, OTHER_EN], ids=["ar", "en", "bank"])
    clusters = khabar.to_frames(docs)["clusters"]
    assert list(clusters.columns) == [
        "cluster",
        "size",
        "languages",
        "outlets",
        "first_published",
        "last_published",
        "title",
        "why",
    ]
    assert clusters["size"].tolist() == [2, 1]
    top = clusters.iloc[0]
    assert top["cluster"] == docs[0].cluster
    assert top["languages"] == ["ar", "en"]
    assert str(top["first_published"].date()) == "2023-11-09"
    assert top["title"] == "Morocco, Germany pledge cooperation on green hydrogen"
    # why the Arabic and the English report are one story: the minister both name, and the score
    assert "score" in top["why"] and "person" in top["why"]
    assert clusters["why"].isna().tolist() == [False, True]


def test_cluster_rejects_what_is_not_a_document() -> None:
    with pytest.raises(khabar.InputError):
        khabar.cluster(["just text"])


def test_the_why_of_one_extraction_equals_that_of_its_records_read_again() -> None:
    """The documents of one extraction explain their clusters with the fact weights their
    clustering left (only the members are read again); documents rebuilt from their records
    have no batch at hand and are weighed again: the lines are the same."""
    import dataclasses

    from khabar.explain import cluster_why

    undated = MEETING_EN.replace("Thu, 9 Nov 2023 - 10:05 GMT\n\n", "")
    docs = khabar.extract([MEETING_AR, MEETING_EN, OTHER_EN, undated], ids=["ar", "en", "bank", "copy"])
    assert docs[3].published_source == "cluster"
    rebuilt = [dataclasses.replace(d) for d in docs]
    why = cluster_why(docs)
    assert why and why == cluster_why(rebuilt)
    assert "copy" in why[docs[0].cluster]


def test_arrow_and_polars_tables_say_why_clusters_hold() -> None:
    pytest.importorskip("pyarrow")
    docs = khabar.extract([MEETING_AR, MEETING_EN, OTHER_EN], ids=["ar", "en", "bank"])
    clusters = khabar.to_arrow(docs)["clusters"].to_pylist()
    assert [c["size"] for c in clusters] == [2, 1]
    assert "person" in clusters[0]["why"] and clusters[1]["why"] is None
