"""The scale recipes of docs/scale.md, run once each: PySpark ``mapInPandas`` and Ray Data
``map_batches`` (examples/spark_recipe.py, examples/ray_recipe.py). Each is skipped, saying why,
where its framework is not installed (they are not in the test extras: both are large)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import khabar

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def recipe(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected_entities(rows: list[tuple[str, str, str]]) -> set[tuple[str, str, str, int]]:
    tables = khabar.Extractor().extract_frames(
        [r[1] for r in rows], ids=[r[0] for r in rows], published=[r[2] for r in rows]
    )
    return entity_keys(tables["entities"])


def entity_keys(df: Any) -> set[tuple[str, str, str, int]]:
    return {
        (str(r.doc_id), str(r.entity_id), str(r.kind), int(r.n_mentions)) for r in df.itertuples(index=False)
    }


def test_spark_map_in_pandas() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and there is none on this machine")
    module = recipe("spark_recipe")
    spark = module.local_session("khabar-test")
    try:
        got = module.run(spark)
    finally:
        spark.stop()
    assert len(got) > 10
    assert entity_keys(got) == expected_entities(module.ROWS)


def test_ray_map_batches_with_a_callable_class() -> None:
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'ray[data]')")
    pytest.importorskip("ray.data", reason="ray[data] is not installed")
    module = recipe("ray_recipe")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        got = module.run(ray)
    finally:
        ray.shutdown()
    assert len(got) > 10
    assert entity_keys(got) == expected_entities(module.ROWS)
