"""One pytest test per notebook: runs it top to bottom like `nbdev-test` (cells flagged `notest`/`cuda`/`slow` skipped
unless `CBO_FLAGS` names them, e.g. CBO_FLAGS="cuda slow" on a GPU machine)."""
import os
from pathlib import Path
import pytest
from nbdev import test as nbt

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT/"nbs").glob("*.ipynb") if not p.name.startswith(("_", ".")))
FORCE = os.environ.get("CBO_FLAGS", "").split()
SKIP = [f for f in ("notest", "cuda", "slow") if f not in FORCE]

@pytest.mark.parametrize("nb", NBS, ids=[p.stem for p in NBS])
def test_notebook(nb):
    os.environ["IN_TEST"] = "1"
    ok, _ = nbt.test_nb(str(nb), skip_flags=SKIP, force_flags=FORCE, basepath=str(ROOT), do_print=False)
    assert ok, f"{nb.name} failed (see the traceback above)"
