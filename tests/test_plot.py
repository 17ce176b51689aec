"""``khabar.plot``: the counts behind the pictures, the pictures, and the message without matplotlib."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest
from made_docs import arabic_doc, english_doc

import khabar
from khabar import plot
from khabar.errors import install_command

EVENTS = [
    {"doc_id": "a", "type": "CONSULT", "source": ["EGY"], "target": ["RUS"], "date": "2023-03-12"},
    {"doc_id": "a", "type": "AGREE", "source": ["RUS"], "target": ["EGY"], "date": "2023-03"},
    {"doc_id": "b", "type": "CONSULT", "source": ["EGY"], "target": ["RUS"], "date": "2023-06-01/2023-06-03"},
    {"doc_id": "b", "type": "REJECT", "source": ["EGY"], "target": ["USA"], "date": "2023-06-02"},
    {"doc_id": "c", "type": "AGREE", "source": ["EGY"], "target": ["RUS"], "date": "2024"},
    {"doc_id": "c", "type": "COOPERATE", "source": ["EGY", "RUS"], "target": [], "date": None},
]


def test_timeline_counts_by_month_for_a_dyad() -> None:
    data = plot.timeline_counts(EVENTS, dyad=("EGY", "RUS"))
    assert data.periods == ["2023-03", "2023-04", "2023-05", "2023-06"]  # quiet months kept as gaps
    assert data.counts == {("2023-03", "CONSULT"): 1, ("2023-03", "AGREE"): 1, ("2023-06", "CONSULT"): 1}
    assert data.types == ["CONSULT", "AGREE"]
    assert data.undated == 2  # "2024" cannot be placed in a month; one event has no date
    by_year = plot.timeline_counts(EVENTS, freq="Y")
    assert by_year.periods == ["2023", "2024"] and by_year.undated == 1
    with pytest.raises(ValueError, match="freq"):
        plot.timeline_counts(EVENTS, freq="Q")


def test_network_counts_pairs_of_actors() -> None:
    assert plot.network_counts(EVENTS) == {("EGY", "RUS"): 5, ("EGY", "USA"): 1}
    assert plot.network_counts(EVENTS, min_count=2) == {("EGY", "RUS"): 5}


def test_documents_give_dates_from_publication_and_officials_count_as_their_state() -> None:
    docs = [english_doc(), arabic_doc()]
    pairs = plot.network_counts(docs)
    # The English REJECT is Russia → Egypt; the AGREE with the UN links both states to it.
    assert pairs[("EGY", "RUS")] == 4 and pairs[("EGY", "UN")] == 2 and pairs[("RUS", "UN")] == 2
    data = plot.timeline_counts(docs, dyad=("EGY", "RUS"))
    # Undated events fall back on the article's publication day (2023-03-12); "2024" is a year.
    assert data.periods == ["2023-03"] and data.undated == 1
    frames = {"events": [{**e, "source": ["shoukry"]} for e in EVENTS[:1]], "entities": [], "documents": []}
    frames["entities"] = [{"doc_id": "a", "entity_id": "shoukry", "kind": "person", "country": "EGY"}]
    assert plot.network_counts(frames) == {("EGY", "RUS"): 1}


def test_frames_of_the_pipeline_are_accepted() -> None:
    pd = pytest.importorskip("pandas")
    frames = khabar.to_frames([english_doc(), arabic_doc()])
    assert isinstance(frames["events"], pd.DataFrame)
    assert plot.network_counts(frames["events"])[("EGY", "RUS")] == 4
    assert plot.timeline_counts(frames, dyad=("EGY", "RUS")).counts[("2023-03", "CONSULT")] == 2


def test_pictures_are_drawn() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = plot.timeline(EVENTS, dyad=("EGY", "RUS"))
    assert "EGY–RUS" in ax.get_title() and "2 without a month" in ax.get_title()
    heights = sorted(p.get_height() for p in ax.patches if p.get_height() > 0)
    assert heights == [1, 1, 1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["CONSULT", "AGREE"]
    ax = plot.network(EVENTS)
    labels = {t.get_text() for t in ax.texts}
    assert {"EGY", "RUS", "USA", "5", "1"} <= labels
    empty = plot.timeline([])
    assert "no dated events" in {t.get_text() for t in empty.texts}
    plt.close("all")


def test_a_clear_message_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    blocked: dict[str, Any] = {"matplotlib": None, "matplotlib.pyplot": None}
    monkeypatch.setattr(sys, "modules", {**sys.modules, **blocked})
    with pytest.raises(khabar.MissingDependencyError, match=re.escape(install_command("plot"))):
        plot.timeline(EVENTS)
    with pytest.raises(ImportError):
        plot.network(EVENTS)
    assert plot.network_counts(EVENTS)  # counting needs no matplotlib


def _png(ax: Any, path: Any) -> tuple[int, int]:
    """Save the figure of ``ax`` as a PNG and return its size in pixels, read back from the file."""
    from PIL import Image

    ax.figure.savefig(path, dpi=100)
    with Image.open(path) as image:
        return image.size


def _readable(ax: Any) -> None:
    """Tick labels do not overlap one another, and they and the legend lie inside the figure."""
    renderer = ax.figure.canvas.get_renderer()
    fig = ax.figure.bbox
    ticks = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
    for a, b in zip(ticks, ticks[1:], strict=False):
        assert not a.overlaps(b), (a, b)
    boxes = [*ticks, ax.get_legend().get_window_extent(renderer)]
    assert all(fig.x0 <= b.x0 and b.x1 <= fig.x1 + 1 and fig.y0 <= b.y0 for b in boxes)


def test_a_stray_year_does_not_stretch_the_timeline(tmp_path: Any) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    events = [
        {"type": "CONSULT", "source": ["EGY"], "target": ["RUS"], "date": f"2024-{m:02d}-10"}
        for m in range(1, 7)
    ]
    events.append({"type": "AGREE", "source": ["EGY"], "target": ["RUS"], "date": "1701-05-02"})
    data = plot.timeline_counts(events)
    assert data.periods[0] == "2024-01" and data.periods[-1] == "2024-06" and data.outliers == 1
    ax = plot.timeline(events)
    width, height = _png(ax, tmp_path / "timeline.png")
    assert 500 <= width <= 1700 and 300 <= height <= 500
    assert "1 dated far from the others left out" in ax.get_title()
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"2024-{m:02d}" for m in range(1, 7)]
    _readable(ax)
    days = [
        {"type": "CONSULT", "source": ["A"], "target": ["B"], "date": f"2024-03-{d:02d}"}
        for d in (1, 4, 9, 12)
    ]
    ax = plot.timeline(days, freq="D")
    _png(ax, tmp_path / "days.png")
    _readable(ax)
    # a long real span is kept, and its labels thinned out to stay readable
    long = [
        {"type": "CONSULT", "source": ["A"], "target": ["B"], "date": f"{y}-03-01"} for y in range(2000, 2025)
    ]
    ax = plot.timeline(long)
    width, _ = _png(ax, tmp_path / "long.png")
    assert plot.timeline_counts(long).outliers == 0 and width <= 1700
    assert len(ax.get_xticklabels()) <= 31
    plt.close("all")


def test_the_network_names_its_nodes_without_overlaps(tmp_path: Any) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    docs = [english_doc(), arabic_doc()]
    ax = plot.network(docs)
    width, height = _png(ax, tmp_path / "network.png")
    assert 500 <= width <= 800 and 500 <= height <= 800
    texts = [t for t in ax.texts if t.get_text().strip()]
    shown = {t.get_text() for t in texts}
    named = plot.names(docs)
    assert named["EGY"] in shown and named["RUS"] in shown and "EGY" not in shown
    # node names and edge counts: no two boxes of text overlap on the canvas
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (a, b)
    # every box lies inside the figure
    fig = ax.figure.bbox
    assert all(fig.x0 <= b.x0 and b.x1 <= fig.x1 and fig.y0 <= b.y0 and b.y1 <= fig.y1 for b in boxes)
    # ids given names by the caller; edge labels stay a readable size
    ax = plot.network(EVENTS, labels={"EGY": "Egypt", "RUS": "Russia", "USA": "United States of America"})
    shown = {t.get_text() for t in ax.texts}
    assert {"Egypt", "Russia", "5", "1"} <= shown and any("United States" in t for t in shown)
    assert min(t.get_fontsize() for t in ax.texts) >= 9
    plt.close("all")


# Places as the entities and events tables give them: Mosul named three times in two documents,
# a facility without coordinates, and two attacks placed in Mosul and one in Aleppo.
PLACES = {
    "entities": [
        {
            "doc_id": "a",
            "entity_id": "MOSUL",
            "kind": "location",
            "name": "Mosul",
            "lat": 36.34,
            "lon": 43.13,
            "n_mentions": 2,
        },
        {
            "doc_id": "a",
            "entity_id": "IRQ",
            "kind": "country",
            "name": "Iraq",
            "lat": None,
            "lon": None,
            "n_mentions": 4,
        },
        {
            "doc_id": "b",
            "entity_id": "MOSUL",
            "kind": "location",
            "name": "Mosul",
            "lat": 36.34,
            "lon": 43.13,
            "n_mentions": 1,
        },
        {
            "doc_id": "b",
            "entity_id": "ALEPPO",
            "kind": "location",
            "name": "Aleppo",
            "lat": 36.2,
            "lon": 37.16,
            "n_mentions": 1,
        },
        {
            "doc_id": "b",
            "entity_id": "old-camp",
            "kind": "location",
            "name": "Old Camp",
            "lat": None,
            "lon": None,
            "n_mentions": 1,
        },
    ],
    "events": [
        {"doc_id": "a", "type": "ASSAULT", "location": "MOSUL"},
        {"doc_id": "b", "type": "ASSAULT", "location": "MOSUL"},
        {"doc_id": "b", "type": "ASSAULT", "location": "ALEPPO"},
        {"doc_id": "b", "type": "CONSULT", "location": "ALEPPO"},
    ],
}


def test_map_counts_mentions_or_the_events_of_one_type() -> None:
    places, unplaced = plot.map_counts(PLACES)
    assert [(p.name, p.count) for p in places] == [("Mosul", 3), ("Aleppo", 1)] and unplaced == 1
    places, unplaced = plot.map_counts(PLACES, event_type="ASSAULT")
    assert [(p.id, p.count) for p in places] == [("MOSUL", 2), ("ALEPPO", 1)] and unplaced == 0
    assert plot.map_counts(PLACES, event_type="PROTEST") == ([], 0)


def test_the_map_of_extracted_places_is_drawn_offline(tmp_path: Any) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    docs = khabar.Extractor().extract(
        [
            "Talks in Mosul\nIraqi and Turkish officials held talks in Mosul on Monday about water.",
            "محادثات في البصرة\nعقد وزيرا خارجية العراق والكويت محادثات في البصرة يوم الثلاثاء.",
            "Aid reaches Mosul\nThe United Nations sent aid to Mosul, officials in Mosul said.",
        ]
    )
    ax = plot.map(docs)
    width, height = _png(ax, tmp_path / "map.png")
    assert 700 <= width <= 1100 and 400 <= height <= 600
    shown = {t.get_text() for t in ax.texts}
    assert any(t.startswith("Mosul (") for t in shown) and any(t.startswith("Basra (") for t in shown)
    assert len(ax.patches) > 100  # the world outline: a ring per country and island
    # the view closes in on the region of the places
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < 43 < x1 and y0 < 30 < y1 < 85 and x1 - x0 < 120
    frames = khabar.to_frames(docs)
    ax = plot.map(frames, event_type="CONSULT")
    assert "CONSULT" in ax.get_title() and {t.get_text() for t in ax.texts} >= {"Mosul (1)"}
    empty = plot.map([])
    assert "no places with coordinates" in {t.get_text() for t in empty.texts}
    plt.close("all")
