"""Same-story clusters on reports written for these tests (tests/story_pairs.py): one story told in
Arabic and English with different wording joins; the same ministers a week apart, a second wave of
strikes and one minister's other meeting that day stay apart; the answer does not depend on the
batch order, on splitting the batch over a cluster index, or on clustering parts from their
entries; explain_cluster says why."""

from __future__ import annotations

import pytest
from story_pairs import REPORTS, STORY

import khabar


def extract(reports: list[tuple[str, str, str, str]], **kw: object) -> list[khabar.Document]:
    return khabar.extract(
        [r[3] for r in reports], ids=[r[0] for r in reports], published=[r[2] for r in reports], **kw
    )


def partition(docs: list[khabar.Document]) -> set[frozenset[str]]:
    groups: dict[str | None, set[str]] = {}
    for d in docs:
        groups.setdefault(d.cluster, set()).add(d.id)
    return {frozenset(g) for g in groups.values()}


WANT = {frozenset(i for i, s in STORY.items() if s == story) for story in set(STORY.values())}


@pytest.fixture(scope="module")
def batch() -> list[khabar.Document]:
    return extract(REPORTS)


def test_each_story_is_one_cluster_in_both_languages(batch: list[khabar.Document]) -> None:
    assert partition(batch) == WANT


def test_clusters_do_not_depend_on_the_order(batch: list[khabar.Document]) -> None:
    ids = {d.id: d.cluster for d in batch}
    for order in (REPORTS[::-1], REPORTS[1::2] + REPORTS[::2]):
        assert {d.id: d.cluster for d in extract(order)} == ids


def test_a_cluster_index_gives_the_answer_of_one_batch() -> None:
    index = khabar.ClusterIndex()
    # the second batch holds the other language's report of each story, and a hard negative
    first = extract(REPORTS[::2], cluster_index=index)
    second = extract(REPORTS[1::2], cluster_index=index)
    assert partition(first + second) == WANT


def test_plans_from_entries_of_parts_equal_one_batch() -> None:
    core = khabar._core
    ex = core.Extractor()
    inputs = [(i, text, day, None, []) for i, _, day, text in REPORTS]
    whole = ex.extract(inputs, 1, True)
    parts = [inputs[:3], inputs[3:7], inputs[7:]]
    records = [ex.extract(p, 1, False) for p in parts]
    plans = core.cluster_plan([core.cluster_entries(r) for r in records])
    applied = [
        r for p, rs, plan in zip(parts, records, plans, strict=True) for r in ex.apply_plan(p, rs, plan)
    ]
    assert applied == whole


def test_explain_cluster_lists_the_shared_facts(batch: list[khabar.Document]) -> None:
    same = khabar.explain_cluster(batch, "oman-iran-en", "oman-iran-ar")
    assert same["joined"] and same["reason"] is None
    assert same["score"] is not None and same["score"] >= same["threshold"]
    kinds = {f["kind"] for f in same["shared"]}
    assert {"person", "day", "number"} <= kinds, kinds
    assert {"kind": "number", "value": "300"} in [
        {"kind": f["kind"], "value": f["value"]} for f in same["shared"]
    ]
    week_later = khabar.explain_cluster(batch, "oman-iran-en", "oman-iran-later-en")
    assert not week_later["joined"] and "days" in (week_later["reason"] or "")
    other_meeting = khabar.explain_cluster(batch, "shoukry-safadi-en", "shoukry-sudan-en")
    assert not other_meeting["joined"] and "headlines" in (other_meeting["reason"] or "")
    with pytest.raises(khabar.InputError):
        khabar.explain_cluster(batch, 0, len(batch))
    with pytest.raises(khabar.InputError):
        khabar.explain_cluster(batch, "oman-iran-en", "no-such-report")


def test_the_clusters_table_says_why(batch: list[khabar.Document]) -> None:
    pytest.importorskip("pandas")
    clusters = khabar.to_frames(batch)["clusters"]
    assert (clusters["size"] == 2).sum() == 5
    why = clusters.set_index("cluster")["why"]
    strikes = next(d.cluster for d in batch if d.id == "strikes-en")
    assert why[strikes].startswith("strikes-") and "score" in why[strikes]
    alone = next(d.cluster for d in batch if d.id == "shoukry-sudan-en")
    assert why.isna()[alone]
