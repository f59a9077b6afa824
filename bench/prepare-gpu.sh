#!/usr/bin/env bash
# Here, on the development machine: packs what bench/gpu-run.sh needs on the GPU machine.
#   .gpu/      Node.js, the Vulkan loader and Dawn (../shared/gpu/prepare.sh)
#   .gpu-run/  resnet-bench.mjs and kernel-bench.mjs bundled with esbuild (webgpu left external),
#              and provenance.json (commit, date) for the results
# Usage, from the project root after npm install:  bash bench/prepare-gpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RESIDUAL_SHARED:-../shared}
bash "$shared/gpu/prepare.sh"
rm -rf .gpu-run && mkdir -p .gpu-run
npx esbuild bench/resnet-bench.ts bench/kernel-bench.ts --bundle --platform=node --format=esm \
  --external:webgpu --conditions=@residual/source --log-level=warning \
  --banner:js="import {createRequire} from 'module'; const require = createRequire(import.meta.url);" \
  --outdir=.gpu-run --out-extension:.js=.mjs
commit=$(git rev-parse HEAD)
dirty=$(git status --porcelain -- packages bench | wc -l | tr -d ' ')
printf '{"commit":"%s","uncommittedFiles":%s,"bundled":"%s"}\n' "$commit" "$dirty" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > .gpu-run/provenance.json
du -sh .gpu .gpu-run
