#!/usr/bin/env bash
# One-command set-up: creates .venv/ in the repo root with torch, the official chatterbox-tts code (without its stale
# pins), its real runtime dependencies, the dev/bench tools, this package (editable) and the real text tokenizers.
# Idempotent: a second run with nothing changed only verifies the environment (seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-python3}
VENV=$ROOT/.venv
TORCH_VERSION=${CBO_TORCH_VERSION:-2.13.0}
TORCHAUDIO_VERSION=${CBO_TORCHAUDIO_VERSION:-2.11.0}
CACHE=${CHATTERBOX_OPT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chatterbox_opt}
TOK_SHA=2fd9d267ecc0e7adb9f6d8e651396e3a44fb8d18cff03975f1e3896a94575469  # tokenizer.json in chatterbox-vllm 0.2.1
STAMP=$VENV/.cbo-setup-stamp
want_stamp=$(cat tools/setup.sh pyproject.toml | sha256sum | cut -d' ' -f1)

log() { printf '[setup] %s\n' "$*"; }

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] && [ -f "$CACHE/tokenizer.json" ] \
   && [ -f "$CACHE/turbo_tokenizer/added_tokens.json" ] \
   && "$VENV/bin/python" -c "import chatterbox.tts, chatterbox.tts_turbo, chatterbox_opt, nbdev" 2>/dev/null; then
  log "environment up to date ($VENV); nothing to do"; exit 0
fi

[ -x "$VENV/bin/python" ] || { log "creating $VENV"; "$PY" -m venv "$VENV"; }
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
"${PIP[@]}" install -q --upgrade "pip>=24" wheel

# --- torch: a CUDA build only where a GPU is present; otherwise a CPU build (never a multi-GB CUDA download).
CONSTRAINTS=$VENV/cbo-constraints.txt
if "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  log "torch already installed: $("$VENV/bin/python" -c 'import torch; print(torch.__version__)')"
elif command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi >/dev/null 2>&1; then
  log "GPU found: installing torch==$TORCH_VERSION (CUDA build)"; "${PIP[@]}" install -q "torch==$TORCH_VERSION"
else
  extra=()
  # a local CPU wheel (this workplace's /opt/wheels) or else PyTorch's CPU index for users elsewhere
  if ls /opt/wheels/torch-"$TORCH_VERSION"+cpu-*.whl >/dev/null 2>&1; then extra=(--find-links /opt/wheels)
  else extra=(--index-url https://download.pytorch.org/whl/cpu --extra-index-url https://pypi.org/simple); fi
  log "no GPU: installing CPU torch==$TORCH_VERSION"; "${PIP[@]}" install -q "${extra[@]}" "torch==$TORCH_VERSION"
fi
"$VENV/bin/python" -c "import torch; print('torch==' + torch.__version__.split('+')[0])" > "$CONSTRAINTS"
log "pinned $(cat "$CONSTRAINTS")"

# --- torchaudio: no release matches torch 2.13; 2.11 imports beside it. Its compiled extension is a CUDA build:
# on a CPU-only torch, remove it so that the pure-Python parts (resample, MelSpectrogram, kaldi fbank) import.
if ! "$VENV/bin/python" -c "import torchaudio" 2>/dev/null; then
  "$VENV/bin/python" -c "import importlib.util as u, sys; sys.exit(u.find_spec('torchaudio') is None)" \
    || "${PIP[@]}" install -q --no-deps "torchaudio==$TORCHAUDIO_VERSION"
  if ! "$VENV/bin/python" -c "import torchaudio" 2>/dev/null; then
    if [ "$("$VENV/bin/python" -c 'import torch; print(torch.cuda.is_available() or torch.version.cuda is not None)')" = "False" ]; then
      TA=$("$VENV/bin/python" -c "import importlib.util as u; print(u.find_spec('torchaudio').submodule_search_locations[0])")
      log "CPU torch: removing torchaudio's CUDA-built extension ($TA/lib/*.so)"; rm -f "$TA"/lib/*.so
    fi
  fi
fi
"$VENV/bin/python" -c "import torchaudio.functional, torchaudio.transforms"

# --- chatterbox-tts without its pins (torch==2.6, numpy<2, gradio, ...), then this package with what it really imports
"$VENV/bin/python" -c "import importlib.metadata as m; assert m.version('chatterbox-tts')=='0.1.7'" 2>/dev/null \
  || "${PIP[@]}" install -q --no-deps "chatterbox-tts==0.1.7"
log "installing chatterbox_opt (editable) with runtime, dev, bench and corpus (Ray Data, ffmpeg, EPUB) dependencies"
"${PIP[@]}" install -q -c "$CONSTRAINTS" -e ".[dev,bench,corpus,serve,ray-serve]"

# --- the real text tokenizers, from packages that ship them (MIT), verified, cached outside git:
#     English tokenizer.json and the multilingual grapheme vocabulary from the chatterbox-vllm sdist;
#     GPT-2's vocab.json + merges.txt (Turbo's BPE) from the openai-whisper 20230124 sdist
mkdir -p "$CACHE"
MTL=grapheme_mtl_merged_expanded_v1.json
MTL_SHA=df81a7ca7c31796cbe97f7a7142d5a53b12e88e12417ebe98f66602cafaf0461
if [ ! -f "$CACHE/tokenizer.json" ] || [ ! -f "$CACHE/$MTL" ]; then
  tmp=$(mktemp -d)
  log "fetching the English and multilingual tokenizers (chatterbox-vllm==0.2.1 sdist, 106 KB)"
  "${PIP[@]}" download -q --no-deps --no-binary :all: -d "$tmp" "chatterbox-vllm==0.2.1"
  tar -xzf "$tmp"/chatterbox_vllm-0.2.1.tar.gz -C "$tmp" --wildcards '*/src/chatterbox_vllm/models/t3/*.json'
  for f in tokenizer.json "$MTL"; do cp "$tmp"/chatterbox_vllm-0.2.1/src/chatterbox_vllm/models/t3/"$f" "$CACHE/$f.part"; done
  rm -rf "$tmp"
  echo "$TOK_SHA  $CACHE/tokenizer.json.part" | sha256sum -c --quiet - || { rm -f "$CACHE"/*.part; log "tokenizer sha256 mismatch"; exit 1; }
  echo "$MTL_SHA  $CACHE/$MTL.part" | sha256sum -c --quiet - || { rm -f "$CACHE"/*.part; log "multilingual tokenizer sha256 mismatch"; exit 1; }
  mv "$CACHE/tokenizer.json.part" "$CACHE/tokenizer.json"; mv "$CACHE/$MTL.part" "$CACHE/$MTL"
fi
echo "$TOK_SHA  $CACHE/tokenizer.json" | sha256sum -c --quiet - || { log "cached tokenizer $CACHE/tokenizer.json fails its sha256 check: delete it and re-run"; exit 1; }
echo "$MTL_SHA  $CACHE/$MTL" | sha256sum -c --quiet - || { log "cached $CACHE/$MTL fails its sha256 check: delete it and re-run"; exit 1; }
if [ ! -f "$CACHE/turbo_tokenizer/added_tokens.json" ]; then
  tmp=$(mktemp -d)
  log "fetching GPT-2's BPE files for Turbo (openai-whisper==20230124 sdist, 1.2 MB)"
  # an old sdist: its metadata step needs this venv's setuptools (pkg_resources), hence no build isolation
  "${PIP[@]}" download -q --no-deps --no-binary :all: --no-build-isolation -d "$tmp" "openai-whisper==20230124"
  tar -xzf "$tmp"/openai-whisper-20230124.tar.gz -C "$tmp" --wildcards '*/whisper/assets/gpt2/*'
  CHATTERBOX_OPT_CACHE="$CACHE" "$VENV/bin/python" -c "import sys; from chatterbox_opt.models import install_turbo_tokenizer; install_turbo_tokenizer(sys.argv[1])" \
    "$tmp"/openai-whisper-20230124/whisper/assets/gpt2
  rm -rf "$tmp"
fi

"$VENV/bin/python" -c "import chatterbox.tts, chatterbox.mtl_tts, chatterbox.tts_turbo, chatterbox_opt, nbdev, seaborn, ipywidgets"
echo "$want_stamp" > "$STAMP"
log "done: $(du -sh "$VENV" | cut -f1) in $VENV"
