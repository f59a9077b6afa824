#!/usr/bin/env bash
# On the GPU machine, in back-to-back device calls (after bash bench/prepare-gpu.sh and
# bash bench/pack-cifar10.sh here; the call plan is in bench/README.md):
#   OUT=$OUT bash bench/gpu-ablation.sh            (or: source .gpu/remote.sh && OUT=$OUT bash …)
# The plain-vs-residual ablation on full CIFAR-10 with the project's own `residual train` (bundled as
# .gpu-run/residual.mjs), several runs at once on the one GPU, each in $ROOT/<model>/. Every call:
#   - sets up Node and Dawn from .gpu/ when carried, else from the copy an earlier call left in $ROOT;
#   - takes the data parts (.gpu-data/<n>/) this call carried and unpacks CIFAR-10 once all are there,
#     or says which part is still missing and stops;
#   - starts or resumes (--resume, from last.ckpt) every unfinished run, each with --max-minutes so
#     that it stops cleanly between epochs before the call's budget (MINUTES) ends;
#   - writes to $OUT, also on an early exit: ablation-runs.tar.gz (<model>/metrics.jsonl, curves.svg
#     and each call's log), ablation-summary.txt, ablation-provenance.json, ablation-log.txt.
# /tmp survives between calls only while the machine stays warm (30 s after a call): make the next
# call at once. A fresh machine has lost the runs; the script says so.
# Knobs (environment), defaults in brackets:
#   EXPERIMENTS  models, each optionally with its own epoch count as model:epochs
#                [cifarResnet18,cifarPlain18,resnet20,plain20,resnet56,plain56]
#   EPOCHS [10]  epochs of a whole run. The step schedule divides the lr by 10 at 50 % and 75 % of
#                THESE epochs: fix it when a run starts and keep it (a change reshapes the schedule).
#   MINUTES [8.5] this call's budget, counted from the script's start (a device call may last 10 min)
#   PARALLEL [0] runs at once (0: all); BACKEND [webgpu]; BATCH [128]; LR [0.1]; SCHEDULE [step];
#   SEED [1]; LIMIT (images per split, for dry runs); ROOT [/tmp/residual-ablation]; PARTS [.gpu-data]
#   GRACE [20] seconds past the budget before a run still in its epoch is killed (it loses that epoch)
#   MIN_START [60] seconds a run needs left to be started at all
#   CHECK_RUNS [8] cases per kernel property checked against cpu before the first run on a machine
#                (bench/kernel-checks.ts; 0 skips); ADAPTER [hardware] the adapter checked (software: dry runs)
# Dry run without a GPU (twice: the second call resumes): BACKEND=wasm LIMIT=128 EPOCHS=12 MINUTES=1.25
#   EXPERIMENTS=resnet20,plain20 ROOT=/tmp/ablation-dry OUT=/tmp/ablation-out bash bench/gpu-ablation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
root=${ROOT:-/tmp/residual-ablation}
out=${OUT:-$root/out}
experiments=${EXPERIMENTS:-cifarResnet18,cifarPlain18,resnet20,plain20,resnet56,plain56}
epochs=${EPOCHS:-10}
minutes=${MINUTES:-8.5}
parallel=${PARALLEL:-0}
backend=${BACKEND:-webgpu}
batch=${BATCH:-128}
lr=${LR:-0.1}
schedule=${SCHEDULE:-step}
seed=${SEED:-1}
limit=${LIMIT:-}
parts_in=${PARTS:-.gpu-data}
grace=${GRACE:-20}
min_start=${MIN_START:-60}
check_runs=${CHECK_RUNS:-8}
adapter=${ADAPTER:-hardware}
deadline=$((started + $(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')))
data=$root/data/cifar10-images
epochs_done() { grep -c '"kind":"epoch"' "$root/$1/metrics.jsonl" 2>/dev/null || true; } # lines of metrics.jsonl
manifest() { awk -v key="$1" '$1 == key { print $2 }' "$root/parts/MANIFEST"; }
mkdir -p "$root/parts" "$out"
exec > >(tee -a "$out/ablation-log.txt") 2>&1
call=$(($(cat "$root/calls" 2>/dev/null || echo 0) + 1))
echo "$call" > "$root/calls"
echo "gpu-ablation: call $call at $(date -u +%Y-%m-%dT%H:%M:%SZ); budget $minutes min; experiments $experiments; epochs $epochs; backend $backend"

# Node and Dawn: from .gpu/ when this call carried it, else from the copy a first call left here.
if ! command -v node >/dev/null; then
  for setup in .gpu/remote.sh "$root/stash/gpu/remote.sh"; do
    if [ -f "$setup" ]; then source "$setup" || echo "gpu-ablation: note: $setup ended with status $?"; break; fi
  done
  command -v node >/dev/null || {
    echo "gpu-ablation: node must be on PATH or .gpu/ carried, but neither is here, nor a copy in $root (a fresh machine?)."
    echo "  Start again with the first call: carry [\".gpu\", \".gpu-run\", \".gpu-data/1\"]."
    exit 1
  }
fi
if [ -f .gpu-run/residual.mjs ]; then
  if [ -d .gpu ] && [ "$(cat "$root/stash/gpu-run/provenance.json" 2>/dev/null)" != "$(cat .gpu-run/provenance.json)" ]; then
    [ ! -f "$root/stash/gpu-run/provenance.json" ] || echo "gpu-ablation: note: this call carried another bundle than the runs started with ($(cat "$root/stash/gpu-run/provenance.json"))"
    rm -rf "$root/stash" && mkdir -p "$root/stash" && cp -r .gpu "$root/stash/gpu" && cp -r .gpu-run "$root/stash/gpu-run"
  fi
elif [ -f "$root/stash/gpu-run/residual.mjs" ]; then
  cp -r "$root/stash/gpu-run" .gpu-run # the bundle must sit in the project, beside node_modules/webgpu
else
  echo "gpu-ablation: .gpu-run/residual.mjs must exist, but it does not. Run bash bench/prepare-gpu.sh here first and carry .gpu-run."
  exit 1
fi
bundle=$(cat .gpu-run/provenance.json)
echo "gpu-ablation: node $(node --version), bundle $bundle"

# Data: keep every part that came, check it, and unpack once all are here.
if [ ! -f "$data/.complete" ]; then
  for manifest in "$parts_in"/*/MANIFEST; do
    [ -f "$manifest" ] || continue
    cp "$manifest" "$root/parts/MANIFEST"
    for file in "$(dirname "$manifest")"/cifar10-images.tgz.*; do cp "$file" "$root/parts/"; done
  done
  [ -f "$root/parts/MANIFEST" ] || { echo "gpu-ablation: the data must come in .gpu-data/<n>/ (bash bench/pack-cifar10.sh here), but no part has arrived yet. Carry .gpu-data/1."; exit 1; }
  missing=()
  while read -r kind name size sum; do
    [ "$kind" = part ] || continue
    if [ ! -f "$root/parts/$name" ] || [ "$(stat -c %s "$root/parts/$name")" != "$size" ] || [ "$(sha256sum "$root/parts/$name" | cut -d' ' -f1)" != "$sum" ]; then
      rm -f "$root/parts/$name"
      missing+=("${name##*.}")
    fi
  done < "$root/parts/MANIFEST"
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "gpu-ablation: data parts still missing: ${missing[*]} of $(manifest parts). Make the next call at once, carrying:$(printf ' ".gpu-data/%s"' "${missing[@]}")"
    exit 0
  fi
  rm -rf "$data" && mkdir -p "$data"
  for i in $(seq 1 "$(manifest parts)"); do cat "$root/parts/cifar10-images.tgz.$i"; done | tar xz -C "$data"
  images=$(find "$data" -name '*.jpg' | wc -l)
  expected=$(manifest images)
  [ "$images" = "$expected" ] || { echo "gpu-ablation: $data must hold $expected JPEGs, but got $images. Pack the data again here."; exit 1; }
  touch "$data/.complete" && rm -f "$root"/parts/cifar10-images.tgz.*
  echo "gpu-ablation: data ready: $images JPEGs in $data"
fi

# Provenance of this call, beside the runs' own (metrics.jsonl's first line).
gpu_line=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -1 || true)
command_line="OUT=\$OUT EXPERIMENTS=$experiments EPOCHS=$epochs MINUTES=$minutes PARALLEL=$parallel BACKEND=$backend BATCH=$batch LR=$lr SCHEDULE=$schedule SEED=$seed${limit:+ LIMIT=$limit} bash bench/gpu-ablation.sh"
EXPERIMENTS=$experiments EPOCHS=$epochs MINUTES=$minutes PARALLEL=$parallel BACKEND=$backend BATCH=$batch LR=$lr SCHEDULE=$schedule \
  SEED=$seed LIMIT=$limit BUNDLE=$bundle GPU_LINE=${gpu_line:-none} COMMAND_LINE=$command_line CALL=$call node -e '
  const e = process.env;
  const knobs = Object.fromEntries(["EXPERIMENTS", "EPOCHS", "MINUTES", "PARALLEL", "BACKEND", "BATCH", "LR", "SCHEDULE", "SEED", "LIMIT"].map((k) => [k, e[k] || null]));
  console.log(JSON.stringify({ bundle: JSON.parse(e.BUNDLE), date: new Date().toISOString(), call: Number(e.CALL), gpu: e.GPU_LINE, command: e.COMMAND_LINE, knobs }, null, 2));
' > "$out/ablation-provenance.json"

# Export: every run's files into one archive (the device tool brings back at most 8 files), and a
# summary. A run's metrics say commit "unknown" when the machine has no .git: the bundle's commit is
# the code that ran, so it is written in (with -dirty when the bundle had uncommitted files).
export_results() {
  local stage=$root/export
  rm -rf "$stage" && mkdir -p "$stage"
  for dir in "$root"/*/; do
    [ -f "$dir/metrics.jsonl" ] || [ -n "$(ls "$dir"/train-call*.log 2>/dev/null)" ] || continue
    local model; model=$(basename "$dir")
    mkdir -p "$stage/$model"
    cp "$dir"/train-call*.log "$stage/$model/" 2>/dev/null || true
    [ ! -f "$dir/curves.svg" ] || cp "$dir/curves.svg" "$stage/$model/"
    [ ! -f "$dir/metrics.jsonl" ] || BUNDLE=$bundle node -e '
      const fs = require("fs");
      const bundle = JSON.parse(process.env.BUNDLE);
      const commit = bundle.commit + (bundle.uncommittedFiles > 0 ? "-dirty" : "");
      const lines = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map((line) => JSON.parse(line));
      for (const line of lines) if (line.kind === "run" && line.commit === "unknown") line.commit = commit;
      fs.writeFileSync(process.argv[2], lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
    ' "$dir/metrics.jsonl" "$stage/$model/metrics.jsonl"
  done
  tar czf "$out/ablation-runs.tar.gz" -C "$stage" .
  TARGETS=$targets CALL_SECONDS=$(($(date +%s) - started)) node -e '
    const fs = require("fs");
    const rows = [["model", "epochs", "test acc (last)", "best", "s/epoch (last)", "min to finish"]];
    for (const target of process.env.TARGETS.split(" ").filter(Boolean)) {
      const [model, total] = target.split(":");
      let lines = [];
      try { lines = fs.readFileSync(`${process.argv[1]}/${model}/metrics.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l)).filter((l) => l.kind === "epoch"); } catch {}
      const last = lines.at(-1);
      const pct = (x) => (x * 100).toFixed(2) + " %";
      rows.push([model, `${lines.length}/${total}`, last ? pct(last.testAccuracy) : "-", last ? pct(Math.max(...lines.map((l) => l.testAccuracy))) : "-",
        last ? last.seconds.toFixed(1) : "-", last ? ((Number(total) - lines.length) * last.seconds / 60).toFixed(1) : "?"]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
    console.log(`(this call: ${process.env.CALL_SECONDS} s; "min to finish" at the pace of the last epoch, with as many runs sharing the GPU)`);
  ' "$root" | tee "$out/ablation-summary.txt"
}

pids=()
finish() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  export_results || true
  echo "gpu-ablation: call $call ended after $(($(date +%s) - started)) s (status $status); results in $out"
  exit "$status"
}
targets=""
for item in ${experiments//,/ }; do targets="$targets ${item%%:*}:$([ "${item#*:}" != "$item" ] && echo "${item#*:}" || echo "$epochs")"; done
trap finish EXIT
trap 'exit 143' TERM INT

# One run: start or resume, stop before the budget, and refuse a fallback to another backend.
train_one() {
  local model=$1 total=$2 dir=$root/$1
  local log=$dir/train-call$call.log now; now=$(date +%s)
  local args=(train --model "$model" --data "$data" --epochs "$total" --backend "$backend" --out "$dir")
  args+=(--max-minutes "$(awk -v s=$((deadline - now)) 'BEGIN { printf "%.2f", s / 60 }')")
  [ -z "$limit" ] || args+=(--limit "$limit")
  # A run killed between its two checkpoint renames may hold best.ckpt alone: --resume completes it.
  if [ -f "$dir/last.ckpt" ] || [ -f "$dir/best.ckpt" ]; then args+=(--resume) # the checkpoint keeps the recipe; --lr would override it
  else args+=(--batch-size "$batch" --lr "$lr" --schedule "$schedule" --optimizer sgd --momentum 0.9 --weight-decay 1e-4 --seed "$seed"); fi
  mkdir -p "$dir"
  echo "gpu-ablation: $model: residual ${args[*]}"
  echo "residual ${args[*]}" > "$log"
  timeout --kill-after=5 $((deadline + grace - now)) node .gpu-run/residual.mjs "${args[@]}" >> "$log" 2>&1 &
  local pid=$! status=0
  trap 'kill "$pid" 2>/dev/null; exit 143' TERM
  until grep -q '^backend: ' "$log" || ! kill -0 "$pid" 2>/dev/null; do sleep 1; done
  if grep -q '^backend: ' "$log" && ! grep -Eq "^backend: $backend( |$)" "$log"; then
    kill "$pid" 2>/dev/null || true
    echo "gpu-ablation: $model: the CLI fell back to another backend than $backend, stopped: $(grep -E '^(backend|skipped)' "$log" | tr '\n' ';')"
  fi
  wait "$pid" || status=$?
  local done; done=$(epochs_done "$model")
  case $status in
    0) echo "gpu-ablation: $model: ${done:-0} of $total epochs done; $(grep -E '^(stopped after|epoch )' "$log" | tail -1)" ;;
    124|137) echo "gpu-ablation: $model: killed in an epoch at the budget's end (${done:-0} of $total epochs saved); an epoch is longer than this call leaves: lower PARALLEL or run it with fewer others" ;;
    *) echo "gpu-ablation: $model: failed (status $status); last lines of $log:"; tail -5 "$log" | sed 's/^/    /' ;;
  esac
}

# Residual's WebGPU kernels against the cpu backend on this adapter, once per machine: a kernel that
# failed here would spoil every run, so the call stops instead.
if [ "$backend" = webgpu ] && [ "$check_runs" -gt 0 ] && [ ! -f "$root/kernels-checked" ]; then
  if node .gpu-run/kernel-bench.mjs --adapter "$adapter" --check-only --check-runs "$check_runs" > "$out/kernel-checks.txt" 2>&1; then
    touch "$root/kernels-checked"
    echo "gpu-ablation: Residual's WebGPU kernels match the cpu backend on this adapter ($(grep -c '^check .*match' "$out/kernel-checks.txt") properties, kernel-checks.txt)"
  else
    echo "gpu-ablation: Residual's WebGPU kernels must match the cpu backend on this adapter, but a check failed (kernel-checks.txt):"
    grep -E 'FAILED|Error' "$out/kernel-checks.txt" | head -5 | sed 's/^/    /'
    echo "  No run started. KERNEL_BENCH=1 bash bench/gpu-run.sh gives the details; CHECK_RUNS=0 skips this check."
    exit 1
  fi
fi

for target in $targets; do
  model=${target%%:*} total=${target#*:}
  done=$(epochs_done "$model")
  if [ "${done:-0}" -ge "$total" ]; then echo "gpu-ablation: $model: finished ($done of $total epochs)"; continue; fi
  if [ $((deadline - $(date +%s))) -lt "$min_start" ]; then echo "gpu-ablation: $model: not started, less than $min_start s of the budget left"; continue; fi
  if [ "$parallel" -gt 0 ]; then
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n "${pids[@]}" 2>/dev/null || true; done
  fi
  train_one "$model" "$total" &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid" || true; done # (a bare wait would also wait for the log's tee)
trap - TERM INT
