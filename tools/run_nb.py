#!/usr/bin/env python3
"""Run notebooks top to bottom and save their outputs in place: how the stored outputs in nbs/ are produced.

    python tools/run_nb.py [--flags "cuda slow"] [--full] NB [NB ...]

Uses nbdev's own test runner (`nbdev.test.test_nb(..., save=True)`), so a notebook is saved only if every cell ran.
--flags: cells flagged so (`#| cuda`, `#| slow`) run too. --full: without IN_TEST, so notebooks that size their
workloads by it (02_split's speed table: 10 kB to 1 MB) run at full size. Exit status: the number that failed."""
import argparse, os, sys, time
from pathlib import Path
import nbdev.test as nbt

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("notebooks", nargs="+")
ap.add_argument("--flags", default="", help='flags whose cells run too, e.g. "cuda slow"')
ap.add_argument("--full", action="store_true", help="full-size workloads (IN_TEST unset)")
a = ap.parse_args()
root = Path(__file__).resolve().parents[1]
force = a.flags.split()
skip = [f for f in ("notest", "cuda", "slow") if f not in force]
if a.full: nbt.in_notebook = lambda: True  # test_nb sets IN_TEST unless it believes it runs inside a notebook
failed = 0
for nb in a.notebooks:
    t = time.time()
    ok, _ = nbt.test_nb(str(Path(nb).resolve()), skip_flags=skip, force_flags=force, basepath=str(root), save=True)
    print(f"{'saved' if ok else 'FAILED (not saved)'}: {nb} in {time.time() - t:.0f} s", flush=True)
    failed += not ok
sys.exit(failed)
