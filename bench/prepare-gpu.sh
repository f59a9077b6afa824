#!/usr/bin/env bash
# Here, on the development machine: packs what bench/gpu-run.sh and bench/gpu-ablation.sh need on the GPU machine.
#   .gpu/      Node.js, the Vulkan loader and Dawn (../shared/gpu/prepare.sh)
#   .gpu-run/  resnet-bench.mjs, kernel-bench.mjs and residual.mjs (the `residual` CLI, for
#              bench/gpu-ablation.sh, from bench/residual-cli.ts: @residual/core/node's `main`)
#              bundled with esbuild (webgpu left external), TF.js's wasm
#              binaries beside them (for wasm dry runs), and provenance.json (commit, date)
# Usage, from the project root after npm install:  bash bench/prepare-gpu.sh
# This is the developers' GPU recipe: it needs the workplace's shared folder (../shared, or
# RESIDUAL_SHARED) for ../shared/gpu/prepare.sh. Nothing else in the project needs that folder.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RESIDUAL_SHARED:-../shared}
bash "$shared/gpu/prepare.sh"
rm -rf .gpu-run && mkdir -p .gpu-run
npx esbuild bench/resnet-bench.ts bench/kernel-bench.ts residual=bench/residual-cli.ts --bundle --platform=node --format=esm \
  --external:webgpu --conditions=@residual/source --log-level=warning \
  --banner:js="import {createRequire as __bundleRequire} from 'module'; import {fileURLToPath as __bundlePath} from 'url'; const require = __bundleRequire(import.meta.url); const __filename = __bundlePath(import.meta.url); const __dirname = __bundlePath(new URL('.', import.meta.url));" \
  --outdir=.gpu-run --out-extension:.js=.mjs
# The banner gives the bundled CommonJS code require() (aliased: the CLI imports createRequire too)
# and __dirname, where TF.js's wasm backend looks for its binaries: they are copied beside the bundles.
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm .gpu-run/
commit=$(git rev-parse HEAD)
dirty=$(git status --porcelain -- packages bench | wc -l | tr -d ' ')
printf '{"commit":"%s","uncommittedFiles":%s,"bundled":"%s"}\n' "$commit" "$dirty" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > .gpu-run/provenance.json
du -sh .gpu .gpu-run
