"""``examples/tour.ipynb`` runs from top to bottom on the current build (nbclient), and the copy in
the repository is kept executed, so readers see real output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "tour.ipynb"


def _outputs(nb: Any, kind: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if kind in data:
                value = data[kind]
                found.append(value if isinstance(value, str) else "".join(value))
    return found


def test_the_repository_copy_is_executed() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["execution_count"] for c in code)
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]


def test_the_tour_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extras")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extras")
    pytest.importorskip("ipykernel", reason="ipykernel is in the test extras")
    pytest.importorskip("matplotlib", reason="matplotlib is in the test extras")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    html = _outputs(nb, "text/html")
    assert any("khabar-doc" in h and 'dir="rtl"' in h for h in html)  # the Arabic article
    assert any("khabar-legend" in h and h.count('class="khabar-doc') == 2 for h in html)  # render()
    assert len(_outputs(nb, "image/png")) == 2  # timeline and network
    printed = "".join(
        "".join(o.get("text", ""))
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.output_type == "stream"
    )
    assert "missing_documents" in printed and "dates" in printed
