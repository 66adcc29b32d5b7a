#!/usr/bin/env bash
# Build the docs site into _docs/ without Quarto (nbdev-proc-nbs + nbconvert) and render README.md from index.ipynb.
# Where Quarto is installed, `nbdev-docs` builds the full Quarto site from the same notebooks.
set -euo pipefail
cd "$(dirname "$0")/.."
export TQDM_DISABLE=1 PYTHONWARNINGS=ignore
.venv/bin/nbdev-proc-nbs >/dev/null 2>&1 || { echo "nbdev-proc-nbs failed" >&2; .venv/bin/nbdev-proc-nbs; exit 1; }
.venv/bin/python tools/render_docs.py _proc _docs README.md
