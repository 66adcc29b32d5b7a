"""One pytest test per notebook: runs it top to bottom like `nbdev-test` (cells flagged `notest`/`cuda`/`slow` skipped
unless `CBO_FLAGS` names them, e.g. CBO_FLAGS="cuda slow" on a GPU machine). Each notebook runs in a process of its
own, so that the full-size models one notebook loads are gone before the next starts (all in one process, they add up
past the memory of a 24 GiB machine)."""
import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT/"nbs").glob("*.ipynb") if not p.name.startswith(("_", ".")))
FORCE = os.environ.get("CBO_FLAGS", "").split()
SKIP = [f for f in ("notest", "cuda", "slow") if f not in FORCE]
RUN = """import sys
from nbdev import test as nbt
ok, _ = nbt.test_nb(sys.argv[1], skip_flags=sys.argv[2].split(), force_flags=sys.argv[3].split(), basepath=sys.argv[4], do_print=False)
sys.exit(0 if ok else 1)"""

@pytest.mark.parametrize("nb", NBS, ids=[p.stem for p in NBS])
def test_notebook(nb):
    r = subprocess.run([sys.executable, "-c", RUN, str(nb), " ".join(SKIP), " ".join(FORCE), str(ROOT)],
                       env={**os.environ, "IN_TEST": "1"}, cwd=str(nb.parent))
    assert r.returncode == 0, f"{nb.name} failed (see the traceback above)"
