"""The example notebook runs from top to bottom on the corpus's tables, so it never rots."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "example.ipynb"


def test_example_notebook_runs(corpus_run, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("EXTRACT_OUT", str(corpus_run))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)          # the plot was drawn
    assert any("verdict:" in o.get("text", "") for o in outputs)


def test_the_notebook_extra_installs_what_opening_and_running_it_needs():
    from importlib.metadata import requires
    from packaging.requirements import Requirement
    extra = {Requirement(r).name for r in requires("extract-klaim") or []
             if Requirement(r).marker and Requirement(r).marker.evaluate({"extra": "notebook"})}
    assert {"jupyterlab", "ipykernel", "matplotlib"} <= extra
