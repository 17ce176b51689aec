"""khabar on Ray Data: ``map_batches`` with a callable class, so that each actor builds the
extractor once and reuses it for every batch it is given.

Run it with ``python examples/ray_recipe.py`` (needs ``pip install 'ray[data]'``); the test suite
runs it when Ray is installed. The actor pool is sized with ``compute=ActorPoolStrategy(...)``
(``concurrency=`` is deprecated), each actor takes one CPU and runs khabar on one thread
(``n_threads=1``).

Clusters here are per batch; see docs/scale.md for clustering a whole corpus.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

import khabar

# A few short reports written for this example, in both languages.
ROWS = [
    (
        "ar-1",
        "عمّان - استقبل العاهل الأردني الملك عبدالله الثاني يوم الاثنين وزير الخارجية المصري في عمّان.",
        "2024-04-01",
    ),
    (
        "en-1",
        "CAIRO - Egypt's foreign minister met his Jordanian counterpart in Cairo on Monday to discuss Gaza.",
        "2024-04-01",
    ),
    (
        "en-2",
        "TOKYO - Japan and Indonesia signed a trade agreement on Thursday, officials said.",
        "2024-04-04",
    ),
    ("ar-2", "الرياض - وقعت السعودية والإمارات اتفاقية للتعاون في مجال الطاقة يوم الأربعاء.", "2024-04-03"),
]


class Entities:
    """One per actor: the extractor is built in the constructor, once per actor."""

    def __init__(self) -> None:
        self.extractor = khabar.Extractor()

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        tables = self.extractor.extract_frames(
            batch["text"].tolist(),
            ids=batch["id"].tolist(),
            published=batch["published"].tolist(),
            n_threads=1,
        )
        entities: pd.DataFrame = tables["entities"]
        return entities


def run(ray: Any) -> pd.DataFrame:
    """The entities of ROWS, extracted by Ray Data with two actors, as a pandas DataFrame."""
    # from_items: from_pandas(...).repartition() crashed Ray 2.60 workers with pyarrow 26 here
    items = [{"id": i, "text": t, "published": p} for i, t, p in ROWS]
    ds = ray.data.from_items(items, override_num_blocks=2)
    out = ds.map_batches(
        Entities,
        batch_format="pandas",
        batch_size=2,
        compute=ray.data.ActorPoolStrategy(size=2),
        num_cpus=1,
    )
    result: pd.DataFrame = out.to_pandas()
    return result


def main() -> None:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        print(run(ray).sort_values(["doc_id", "entity_id"]).to_string(index=False))
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
