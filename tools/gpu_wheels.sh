#!/usr/bin/env bash
# Prepare, on this (CPU) machine, what the GPU device machine lacks, for tools/gpu_check.sh: Python 3.12 wheels of
# every package that .venv has and the device image does not (same versions as here), plus the three tokenizers.
# Writes .whl/ (ignored by git; name it in the device tool's `carry`). Needs tools/setup.sh to have run.
# The device image's package list is from the tool library's KINDS.md (read 2026-11-17): update PRESENT if it changes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUTDIR=${1:-.whl}
PRESENT="absl-py accelerate aiofiles aiohappyeyeballs aiohttp aiosignal annotated-doc anyio attrs botorch build certifi
charset-normalizer chex click cloudpickle cmake colorama contourpy coverage cuda-bindings cuda-core cuda-pathfinder
cuda-toolkit cupy-cuda13x cycler cython diffrax e3nn einops equinox etils execnet filelock flatbuffers flax fonttools
formulaic frozenlist fsspec gpytorch grpcio h11 h5py hf-xet httpcore httpx huggingface-hub humanize hypothesis idna
imageio iniconfig interface-meta jax jax-cuda13-pjrt jax-cuda13-plugin jaxlib jaxtyping jinja2 joblib kiwisolver
lazy-loader lightning lightning-utilities linear-operator lineax llvmlite lxml markdown markdown-it-py markupsafe
matplotlib mdurl meson ml-dtypes mpi4py mpmath msgpack multidict multipledispatch mypy-extensions nanobind narwhals
networkx ninja numba numba-cuda numpy numpyro nvidia-cublas nvidia-cuda-cupti nvidia-cuda-nvrtc nvidia-cuda-runtime
nvidia-cudnn-cu13 nvidia-cufft nvidia-cufile nvidia-curand nvidia-cusolver nvidia-cusparse nvidia-cusparselt-cu13
nvidia-ml-py nvidia-nccl-cu13 nvidia-nvjitlink nvidia-nvshmem-cu13 nvidia-nvtx onnx onnx-ir onnxruntime onnxscript
opencv-python-headless optax opt-einsum opt-einsum-fx optimistix orbax-checkpoint packaging pandas pathspec patsy peft
pillow pip pluggy portalocker prometheus-client propcache protobuf psutil pyarrow pybind11 py-cpuinfo pygments
pyparsing pyproject-hooks pyre-extensions pytest pytest-benchmark pytest-cov pytest-mock pytest-timeout pytest-xdist
python-dateutil pytorch-lightning pyyaml regex requests rich sacrebleu safetensors scikit-build-core scikit-image
scikit-learn scipy seaborn sentencepiece sentence-transformers setuptools shellingham simplejson six sortedcontainers
statsmodels sympy tabulate tensorboard tensorboard-data-server tensorstore threadpoolctl tifffile tiktoken timm
tokenizers toolz torch torchaudio torchdiffeq torch-geometric torchmetrics torchvision tqdm transformers treescope
triton typer typing-extensions typing-inspect urllib3 uvloop wadler-lindig werkzeug wheel wrapt xarray xxhash yarl
zipp"
FORCE=${CBO_GPU_FORCE:-}  # e.g. "transformers huggingface-hub" to carry this machine's newer versions (+13 MB)
# not needed to run notebooks there (nbdev's git hooks, the widget front ends, IPython's lazily imported completion):
# 48 MB without them, so that even CBO_GPU_FORCE's 14 MB more stays under the device tool's 64 MiB
SKIP="pre-commit virtualenv distlib identify nodeenv cfgv python-discovery widgetsnbextension jupyterlab-widgets jedi parso"
# what the package, the GPU notebooks and nbdev's test runner import, with their requirements, as installed in .venv
pins=$("$PY" - "$PRESENT $SKIP" "$FORCE" "${CBO_GPU_PYVER:-3.12}" <<'PY'
import importlib.metadata as md, re, sys
from packaging.requirements import Requirement
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
present, force = set(sys.argv[1].split()), set(sys.argv[2].split())
dists = {norm(d.metadata["Name"]): d for d in md.distributions()}
roots = [norm(Requirement(r).name) for r in dists["chatterbox-opt"].requires if "extra ==" not in r]
roots += ["chatterbox-tts", "nbdev", "execnb", "ipywidgets", "seaborn", "pandas", "pytest", "hypothesis"]
seen, todo = set(), roots
while todo:
    n = todo.pop()
    if n in seen or n not in dists: continue
    seen.add(n)
    for r in dists[n].requires or []:
        req = Requirement(r)
        if not req.marker or req.marker.evaluate({"extra": "", "python_version": sys.argv[3]}): todo.append(norm(req.name))
print(" ".join(f"{n}=={dists[n].version}" for n in sorted(seen) if n not in present or n in force))
PY
)
mkdir -p "$OUTDIR"
echo "[gpu_wheels] $(wc -w <<<"$pins") packages: $pins"
python3 -m pip download -q --no-deps --only-binary=:all: --python-version "${CBO_GPU_PYVER:-3.12}" --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 --platform manylinux1_x86_64 --platform any -d "$OUTDIR" $pins 2>&1 | grep -v "^WARNING: Location" || true
CACHE=${CHATTERBOX_OPT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chatterbox_opt}
cp "$CACHE/tokenizer.json" "$CACHE/grapheme_mtl_merged_expanded_v1.json" "$OUTDIR/"  # the three text tokenizers
rm -rf "$OUTDIR/turbo_tokenizer"; cp -r "$CACHE/turbo_tokenizer" "$OUTDIR/turbo_tokenizer"
echo "[gpu_wheels] $(ls "$OUTDIR"/*.whl | wc -l) wheels, $(du -sh "$OUTDIR" | cut -f1) in $OUTDIR"
cp "${CHATTERBOX_OPT_BENCH_TEXT:-../shared/data/benchmark-text-1.txt}" "$OUTDIR/benchmark-text-1.txt" 2>/dev/null \
  || echo "[gpu_wheels] no benchmark text: the long workload will be skipped there"
git rev-parse --short HEAD > "$OUTDIR/COMMIT" && { git diff --quiet HEAD || sed -i 's/$/+dirty/' "$OUTDIR/COMMIT"; }
echo "[gpu_wheels] then: device run, command 'bash tools/gpu_check.sh', carry ['.whl'], timeout_s 600"
