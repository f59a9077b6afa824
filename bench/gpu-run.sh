#!/usr/bin/env bash
# On the GPU machine (after bash bench/prepare-gpu.sh here; send .gpu and .gpu-run along):
#   source .gpu/remote.sh && bash bench/gpu-run.sh
# Runs, in one call on one GPU: the TF.js benchmark with Residual's WebGPU kernels (inference with batch
# norms folded) and as TF.js runs out of the box (stock kernels, the layers as built: the "before"), the
# same models in PyTorch (fp32 strict and TF32; eager, and inference again with batch norms folded by
# torch.fx, TORCH_FOLD=0 skips it), and prints TF.js images/s as a fraction of PyTorch's (bench/ratio.py). Everything lands in $OUT (results.jsonl, ratio.txt, log.txt, provenance.json).
# Knobs (environment): MODELS, BATCH, STEPS, WARMUP, STOCK_STEPS (0 skips stock TF.js), KERNEL_BENCH=1
# (per-kernel profile and property checks on this GPU; SWEEP=1 also times every tile and prefetch
# setting), PRECISIONS (default fp32,tf32), TF_FLAGS (TF.js flags for both TF.js runs, space-separated
# NAME=VALUE, e.g. "WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=64"). Dry run without a GPU (tiny sizes):
# ADAPTER=software and TORCH=0, or TORCH_DEVICE=cpu with a CPU PyTorch (Debian: apt-get install python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
models=${MODELS:-cifarResnet18,resnet20,resnet56}
batch=${BATCH:-256}
steps=${STEPS:-20}
warmup=${WARMUP:-3}
stock_steps=${STOCK_STEPS:-3}
out=${OUT:-/tmp/residual-bench}
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
exec > >(tee -a "$out/log.txt") 2>&1
command -v node >/dev/null || { echo "gpu-run: node must be on PATH, but it is not. Start the command with: source .gpu/remote.sh &&"; exit 1; }
[ -f .gpu-run/resnet-bench.mjs ] || { echo "gpu-run: .gpu-run/resnet-bench.mjs must exist, but it does not. Run bash bench/prepare-gpu.sh here first."; exit 1; }
cp .gpu-run/provenance.json "$out/provenance.json" 2>/dev/null || true
echo "gpu-run: $(date -u +%Y-%m-%dT%H:%M:%SZ) models=$models batch=$batch steps=$steps warmup=$warmup stock_steps=$stock_steps"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
tf_flags=(); for flag in ${TF_FLAGS:-}; do tf_flags+=(--tf-flag "$flag"); done
tfjs() { node .gpu-run/resnet-bench.mjs --backend webgpu --adapter "${ADAPTER:-hardware}" --model "$models" --batch-size "$batch" --json ${tf_flags[@]+"${tf_flags[@]}"} "$@" | grep '^{' | tee -a "$results"; }
tfjs --kernels residual --steps "$steps" --warmup "$warmup"
if [ "$stock_steps" -gt 0 ]; then tfjs --kernels stock --inference layers --steps "$stock_steps" --warmup 1; fi
if [ "${TORCH:-1}" = 1 ]; then
  python3 bench/torch_resnet.py --model "$models" --batch-size "$batch" --steps "$steps" --warmup "$warmup" \
    --precision "${PRECISIONS:-fp32,tf32}" --device "${TORCH_DEVICE:-cuda}" --json | tee -a "$results"
  if [ "${TORCH_FOLD:-1}" = 1 ]; then
    python3 bench/torch_resnet.py --model "$models" --mode infer --fold-bn --batch-size "$batch" --steps "$steps" --warmup "$warmup" \
      --precision "${PRECISIONS:-fp32,tf32}" --device "${TORCH_DEVICE:-cuda}" --json | tee -a "$results"
  fi
  python3 bench/ratio.py "$results" | tee "$out/ratio.txt"
fi
if [ "${KERNEL_BENCH:-0}" = 1 ]; then
  node .gpu-run/kernel-bench.mjs --adapter "${ADAPTER:-hardware}" --model "${models%%,*}" --batch-size "$batch" --check-runs 25 \
    $([ "${SWEEP:-0}" = 1 ] && echo --sweep) | tee "$out/kernels.txt"
fi
