"""Run only the `#| cuda` cells of notebooks (after the definitions and imports they need) and save their outputs.

    python tools/gpu_cells.py [--check] NB [NB ...]

For a short device lease: `tools/run_nb.py --flags cuda` reruns every CPU cell too, which a short lease cannot
afford. Here each notebook gets one fresh shell that runs its `#| export` cells and the import statements of its other cells, then every
`#| cuda` cell in order; the notebook is saved with those cells' new outputs (other cells keep theirs) only if all ran.
--check (any machine): run the set-up only and fail if a cuda cell uses a name the set-up does not define.
"""
import argparse, ast, builtins, json, sys, time
from pathlib import Path
from execnb.shell import CaptureShell

def _flags(src): return {w for l in src.splitlines() if l.startswith("#|") for w in l[2:].split()}
def _imports(src):
    "The cell's top-level import statements, as code."
    try: body = ast.parse(src).body
    except SyntaxError: return ""
    return "\n".join(ast.unparse(s) for s in body if isinstance(s, (ast.Import, ast.ImportFrom)))

def _free_names(src):
    "Names a cell reads that it does not bind itself."
    tree, bound, used = ast.parse(src), set(), set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Name): (bound if isinstance(n.ctx, ast.Store) else used).add(n.id)
        elif isinstance(n, (ast.FunctionDef, ast.ClassDef)): bound.add(n.name)
        elif isinstance(n, ast.arg): bound.add(n.arg)
        elif isinstance(n, ast.alias): bound.add((n.asname or n.name).split(".")[0])
    return used - bound - set(dir(builtins))

def run(path:Path, check:bool) -> bool:
    nb = json.loads(path.read_text())
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    src = lambda c: "".join(c["source"])
    cuda = [c for c in cells if "cuda" in _flags(src(c))]
    setup = [src(c) if {"export", "exports"} & _flags(src(c)) else _imports(src(c)) for c in cells if c not in cuda]
    setup = [s for s in setup if s.strip() and "nbdev_export" not in s]
    sh, t = CaptureShell(), time.time()
    sh.run("from fastcore.test import *\nimport warnings, torch\nimport nbdev")
    for s in setup:
        sh.run(s)
        if sh.exc: print(f"{path.name}: set-up cell failed:\n{s[:300]}\n{sh.exc}"); return False
    if check:
        missing = {n for c in cuda for n in _free_names(src(c)) if n not in sh.user_ns}
        print(f"{path.name}: {len(setup)} set-up cells, {len(cuda)} cuda cells; names missing: {sorted(missing) or 'none'}")
        return not missing
    for c in cuda:
        c["outputs"] = [dict(o) for o in sh.run(src(c))]
        if sh.exc: print(f"{path.name}: cuda cell failed:\n{src(c)[:300]}\n{sh.exc}"); return False
        for o in c.get("outputs", []): print("".join(o.get("text", "")) or o.get("data", {}).get("text/plain", ""), end="")
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    print(f"saved: {path} ({len(cuda)} cuda cells) in {time.time() - t:.0f} s", flush=True)
    return True

if __name__ == "__main__":
    ap = argparse.ArgumentParser(); ap.add_argument("--check", action="store_true"); ap.add_argument("nbs", nargs="+")
    a = ap.parse_args()
    sys.exit(0 if all([run(Path(p), a.check) for p in a.nbs]) else 1)
