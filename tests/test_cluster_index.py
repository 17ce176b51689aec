"""khabar.ClusterIndex: clustering across batches (one day's reports joining the stories of the day
before), saved, loaded and pickled."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from stories import GRID, GRID_REPOST, WHEAT

import khabar

# Monday: a report of a grid agreement and an unrelated storm (written for these tests). Tuesday:
# a re-post of the grid report (a near-duplicate), and a new story in Arabic.
STORM = (
    "Storm closes ports on the Red Sea coast\n\nJEDDAH - Authorities closed three ports on Tuesday as "
    "a storm moved along the coast, the port authority said in a statement."
)


def monday(index: khabar.ClusterIndex | None) -> dict[str, khabar.Document]:
    docs = khabar.extract([GRID, STORM], ids=["grid", "storm"], published="2024-03-03", cluster_index=index)
    return {d.id: d for d in docs}


def tuesday(index: khabar.ClusterIndex | None) -> dict[str, khabar.Document]:
    docs = khabar.extract(
        [GRID_REPOST, WHEAT], ids=["repost", "wheat"], published="2024-03-04", cluster_index=index
    )
    return {d.id: d for d in docs}


def test_a_later_batch_joins_the_stories_of_an_earlier_one() -> None:
    index = khabar.ClusterIndex()
    first = monday(index)
    assert len(index) == 2
    second = tuesday(index)
    assert len(index) == 4
    # the re-post joins Monday's grid story and takes its id; the new story has an id of its own
    assert second["repost"].cluster == first["grid"].cluster
    assert second["wheat"].cluster not in {first["grid"].cluster, first["storm"].cluster}
    # without the index, Tuesday's batch knows nothing of Monday's ids
    alone = tuesday(None)
    assert alone["repost"].cluster != first["grid"].cluster


def test_an_empty_index_clusters_like_a_plain_batch() -> None:
    docs = khabar.extract([GRID, GRID_REPOST, STORM], ids=["grid", "repost", "storm"], published="2024-03-03")
    indexed = khabar.extract(
        [GRID, GRID_REPOST, STORM],
        ids=["grid", "repost", "storm"],
        published="2024-03-03",
        cluster_index=khabar.ClusterIndex(),
    )
    assert indexed == docs


def test_saved_loaded_and_pickled_indexes_cluster_alike(tmp_path: Path) -> None:
    index = khabar.ClusterIndex()
    first = monday(index)
    path = tmp_path / "stories.khci"
    index.save(path)
    loaded = khabar.ClusterIndex.load(path)
    assert len(loaded) == 2
    unpickled = pickle.loads(pickle.dumps(index))
    a, b = tuesday(loaded), tuesday(unpickled)
    assert a == b
    assert a["repost"].cluster == first["grid"].cluster


def test_old_documents_can_be_forgotten() -> None:
    index = khabar.ClusterIndex()
    monday(index)
    index.retain_since("2024-03-10")
    assert len(index) == 0
    with pytest.raises(khabar.InputError):
        index.retain_since("next week")


def test_a_file_that_is_not_an_index(tmp_path: Path) -> None:
    bad = tmp_path / "notes.khci"
    bad.write_text("not an index", encoding="utf-8")
    with pytest.raises(khabar.InputError, match="notes.khci"):
        khabar.ClusterIndex.load(bad)
    with pytest.raises(OSError):
        khabar.ClusterIndex.load(tmp_path / "missing.khci")
    with pytest.raises(khabar.InputError, match="ClusterIndex"):
        khabar.extract(GRID, cluster_index="stories.khci")  # type: ignore[arg-type]
