"""khabar on PySpark: ``mapInPandas`` with the extractor built once per partition.

Run it with ``python examples/spark_recipe.py`` (needs ``pip install pyspark`` and Java 17+); the
test suite runs it when pyspark is installed. Each Spark task runs khabar on one thread
(``n_threads=1``): Spark already runs one task per core.

Clusters here are per Arrow batch of a partition (``maxRecordsPerBatch``); see docs/scale.md for
clustering a whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

import khabar

# The entities table as a Spark schema (see khabar.frames.COLUMNS).
ENTITIES_SCHEMA = (
    "doc_id string, entity_id string, kind string, name string, key string, country string, "
    "title string, affiliation string, n_mentions long"
)

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


def entities_of_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The entities of one partition. The extractor is built here, once per partition (building
    it compiles the knowledge base), not once per batch or row."""
    ex = khabar.Extractor()
    for batch in batches:
        tables = ex.extract_frames(
            batch["text"].tolist(),
            ids=batch["id"].tolist(),
            published=batch["published"].tolist(),
            n_threads=1,
        )
        yield tables["entities"]


def run(spark: Any) -> pd.DataFrame:
    """The entities of ROWS, extracted by Spark, as a pandas DataFrame."""
    sdf = spark.createDataFrame(pd.DataFrame(ROWS, columns=["id", "text", "published"])).repartition(2)
    return sdf.mapInPandas(entities_of_partition, schema=ENTITIES_SCHEMA).toPandas()


def local_session(app: str = "khabar") -> Any:
    """A Spark session on two local cores, with Arrow transfers to and from pandas."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master("local[2]")
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )


def main() -> None:
    spark = local_session()
    try:
        print(run(spark).sort_values(["doc_id", "entity_id"]).to_string(index=False))
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
