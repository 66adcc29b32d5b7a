#!/usr/bin/env bash
# One-command tests: every notebook (one pytest test each), then a check that nbdev-export / nbdev-clean would change
# no tracked file (notebooks are the source; the package must be in sync with them).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
[ -x "$BIN/pytest" ] || { echo "no .venv: run tools/setup.sh first" >&2; exit 2; }
# Notebooks run CBO_TEST_WORKERS at a time (pytest-xdist; default 2: two notebooks' models fit a 24 GiB machine), the
# cores split between them: much of a notebook is single-threaded Python (tiny models, many small ops), so two
# one-thread notebooks on a 2-core machine finish sooner than one two-thread notebook after another.
WORKERS=${CBO_TEST_WORKERS:-2}; NPROC=$(nproc)
[ "$WORKERS" -gt "$NPROC" ] && WORKERS=$NPROC
export TQDM_DISABLE=1 PYTHONWARNINGS=ignore OMP_NUM_THREADS=${OMP_NUM_THREADS:-$(( NPROC / WORKERS > 0 ? NPROC / WORKERS : 1 ))}
XDIST=(); [ "$WORKERS" -gt 1 ] && XDIST=(-n "$WORKERS" --dist worksteal)
status=0
"$BIN/pytest" tests -q -p no:cacheprovider --durations=0 "${XDIST[@]}" "$@" || status=$?
if git rev-parse --git-dir >/dev/null 2>&1; then
  before=$(git status --porcelain -uno)
  "$BIN/nbdev-export" >/dev/null 2>&1; "$BIN/nbdev-clean" >/dev/null 2>&1
  after=$(git status --porcelain -uno)
  if [ "$before" != "$after" ]; then
    echo "FAIL: nbdev-export / nbdev-clean changed tracked files (run them and commit):"; git status --short -uno; status=1
  else echo "nbdev-export and nbdev-clean: no changes"; fi
fi
exit $status
