#!/usr/bin/env bash
# Every GPU check as one command for the device tool. Prepare here first: `bash tools/gpu_wheels.sh` (Python 3.12
# wheels the device image lacks, the tokenizer and the benchmark text, into .whl/), then call the device tool with
#     command: bash tools/gpu_check.sh        carry: [".whl"]        timeout_s: 600
# On the device it installs the wheels beside the image's CUDA torch and runs, each phase under its own time limit
# (a slow phase cannot take the others' results with it):
#   short, attention, segments, long : `chatterbox-opt bench WORKLOAD --device cuda` (full-size T3, random weights)
#   nb                               : notebooks 03_fast, 05_memory, 04_stream with their `cuda` and `slow` cells,
#                                      outputs saved into the notebooks
# Back in $OUT: gpu.log, bench.tar.gz (results.json/.md/plots per workload) and notebooks.tar.gz (nbs/*.ipynb run
# there: unpack over the checkout, review the diff, run nbdev-clean). Choose phases with CBO_GPU_PHASES="...".
# A dry run of the script itself on a CPU machine: CBO_GPU_DEVICE=cpu CBO_GPU_PHASES=short (wheels for its Python).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/cbo-gpu-out}; mkdir -p "$OUT"
exec > >(tee "$OUT/gpu.log") 2>&1
PHASES=${CBO_GPU_PHASES:-"short attention segments nb long"}
DEV=${CBO_GPU_DEVICE:-cuda}; T_BENCH=${CBO_GPU_T_BENCH:-150}; T_NB=${CBO_GPU_T_NB:-240}
[ -d .whl ] || { echo "no .whl/: run tools/gpu_wheels.sh here and carry .whl"; exit 2; }
nvidia-smi -L || true
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=$PWD:/tmp/site  # this checkout's package first (not installed: no build step there)
CBO=(python3 -c 'import sys; from chatterbox_opt.cli import main; sys.exit(main(sys.argv[1:]))')  # chatterbox-opt
export PYTHONUNBUFFERED=1 PYTHONWARNINGS=ignore TQDM_DISABLE=1 CHATTERBOX_OPT_COMMIT=$(cat .whl/COMMIT 2>/dev/null)
export CHATTERBOX_OPT_CACHE=/tmp/cbo-cache CHATTERBOX_OPT_BENCH_TEXT=$PWD/.whl/benchmark-text-1.txt
mkdir -p "$CHATTERBOX_OPT_CACHE" && cp .whl/tokenizer.json "$CHATTERBOX_OPT_CACHE/"
"${CBO[@]}" info --device "$DEV" || exit 1
t0=$SECONDS
for p in $PHASES; do
  echo "=== phase $p (at $((SECONDS - t0)) s)"
  if [ "$p" = nb ]; then
    timeout -k 10 "$T_NB" python3 tools/run_nb.py --flags "cuda slow" nbs/03_fast.ipynb nbs/05_memory.ipynb nbs/04_stream.ipynb
  else
    timeout -k 10 "$T_BENCH" "${CBO[@]}" bench "$p" --device "$DEV" --out "bench/$p"
  fi
  echo "=== phase $p: exit $? after $((SECONDS - t0)) s"
  [ -d bench ] && tar -czf "$OUT/bench.tar.gz" bench
  tar -czf "$OUT/notebooks.tar.gz" nbs/*.ipynb
done
nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv || true
