#!/usr/bin/env bash
# The whole GPU check as one command for the device tool. Prepare here first: `bash tools/gpu_wheels.sh` (Python 3.12
# wheels the device image lacks, the three tokenizers, the benchmark text and .whl/COMMIT, into .whl/), then call the
# device tool with
#     command: bash tools/gpu_check.sh        carry: [".whl"]        timeout_s: 600
# On the device it installs the wheels beside the image's CUDA torch and runs ONE process,
# `chatterbox-opt bench gpu-check` (chatterbox_opt.bench.gpu_check): each model loaded once, each decode step compiled
# once, phases in this order — warmup, s3gen, turbo_step, long, step, cells — each skipped when its budget no longer
# fits in CBO_GPU_BUDGET seconds (default: 600 minus the install and info time, minus a margin to pack the results).
# It writes results.json (after every row) and compile-cache.bin (after every phase) straight into $OUT, so a run
# that is cut off still returns them; this script adds the log and the notebooks the cells phase ran.
# Back in $OUT: gpu.log, results.json, compile-cache.bin (bring it to the next run: carry it in .whl/ and it is loaded
# with --compile-cache), notebooks.tar.gz (nbs/*.ipynb run there: unpack over the checkout, review, nbdev-clean).
# Options: CBO_GPU_PHASES="s3gen,long" (comma-separated), CBO_GPU_LIMIT=seconds (the device call's timeout_s, default
# 600), CBO_GPU_BUDGET=seconds (the phases' own; default: the limit minus what install and info took, minus a margin),
# CBO_GPU_DEVICE=cpu CBO_GPU_SIZE=tiny
# (a dry run of the script itself on a CPU machine, with wheels for its Python).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/cbo-gpu-out}; mkdir -p "$OUT"
exec > >(tee "$OUT/gpu.log") 2>&1
DEV=${CBO_GPU_DEVICE:-cuda}; SIZE=${CBO_GPU_SIZE:-full}
pack() { tar -czf "$OUT/notebooks.tar.gz" nbs/*.ipynb 2>/dev/null || true; }
trap pack EXIT
[ -d .whl ] || { echo "no .whl/: run tools/gpu_wheels.sh here and carry .whl"; exit 2; }
nvidia-smi -L || true
python3 -m pip install -q --upgrade --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=$PWD:/tmp/site  # this checkout's package first (not installed: no build step there)
CBO=(python3 -c 'import sys; from chatterbox_opt.cli import main; sys.exit(main(sys.argv[1:]))')  # chatterbox-opt
# the commit every record carries: what gpu_wheels.sh wrote into .whl/COMMIT (the device copy's git metadata can lag
# behind the working tree that travelled; rerun gpu_wheels.sh, or rewrite that file, before each device run)
export PYTHONUNBUFFERED=1 TQDM_DISABLE=1 CHATTERBOX_OPT_COMMIT=$(cat .whl/COMMIT 2>/dev/null || git rev-parse --short HEAD 2>/dev/null)
export CHATTERBOX_OPT_CACHE=/tmp/cbo-cache CHATTERBOX_OPT_BENCH_TEXT=$PWD/.whl/benchmark-text-1.txt
mkdir -p "$CHATTERBOX_OPT_CACHE" && cp -r .whl/tokenizer.json .whl/grapheme_mtl_merged_expanded_v1.json .whl/turbo_tokenizer "$CHATTERBOX_OPT_CACHE/"
"${CBO[@]}" info --device "$DEV" || exit 1
LIMIT=${CBO_GPU_LIMIT:-600}
BUDGET=${CBO_GPU_BUDGET:-$((LIMIT - SECONDS - 30))}  # 30 s: the interpreter's exit, packing, nvidia-smi
ARGS=(bench gpu-check --out "$OUT" --device "$DEV" --size "$SIZE" --budget "$BUDGET")
[ "$DEV" = cpu ] && ARGS+=(--dtype float32 --backend eager)
[ -n "${CBO_GPU_PHASES:-}" ] && ARGS+=(--phases "$CBO_GPU_PHASES")
[ -f .whl/compile-cache.bin ] && ARGS+=(--compile-cache .whl/compile-cache.bin)
echo "=== ${ARGS[*]} (at $SECONDS s)"
timeout -k 10 "$((BUDGET + 15))" "${CBO[@]}" "${ARGS[@]}"; rc=$?
pack
n=$(grep -c "capture failed" "$OUT/gpu.log" || true)
[ "$n" -gt 0 ] && echo "!!! $n CUDA graph capture(s) FAILED and fell back to the compiled step: see the warnings above !!!"
nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv || true
echo "=== gpu-check exit $rc after $SECONDS s"
exit $rc
