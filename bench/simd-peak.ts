// One core's peak multiply-accumulate rate in WebAssembly 128-bit SIMD on this machine: the roofline
// the wasm backend's convolutions work under. Twelve independent f32x4 accumulators, operands in
// registers (no memory traffic), either f32x4.mul then f32x4.add (what SIMD128 offers, and what
// Residual's kernels and XNNPACK's wasm build use) or relaxed SIMD's fused f32x4.relaxed_madd (in
// Chromium; Node 20 only with --experimental-wasm-relaxed-simd).
import wabtInit from 'wabt';

/** The two ways to multiply-accumulate. */
export type SimdPeakKind = 'mul-add' | 'relaxed-madd';

const accumulators = 12;

/** The module's text: a loop of `accumulators` independent multiply-accumulates per iteration. */
function peakWat(kind: SimdPeakKind): string {
  const locals = Array.from({ length: accumulators }, (_, i) => `(local $a${i} v128)`).join(' ');
  const step = (i: number) =>
    kind === 'mul-add'
      ? `(local.set $a${i} (f32x4.add (local.get $a${i}) (f32x4.mul (local.get $x) (local.get $y))))`
      : `(local.set $a${i} (f32x4.relaxed_madd (local.get $x) (local.get $y) (local.get $a${i})))`;
  const sum = Array.from({ length: accumulators - 1 }, (_, i) => i + 1).reduce((text, i) => `(f32x4.add ${text} (local.get $a${i}))`, '(local.get $a0)');
  return `(module (func (export "peak") (param $n i32) (result f32) ${locals} (local $x v128) (local $y v128)
    (local.set $x (f32x4.splat (f32.const 1.0000001))) (local.set $y (f32x4.splat (f32.const 0.9999999)))
    (loop $l ${Array.from({ length: accumulators }, (_, i) => step(i)).join(' ')}
      (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br_if $l (local.get $n)))
    (f32x4.extract_lane 0 ${sum})))`;
}

/**
 * Measures one core's peak in GMAC/s (10⁹ float32 multiply-accumulates per second): the best of
 * three timed calls after a warm-up call (the engine's optimising tier).
 *
 * @param kind - `mul-add` (SIMD128) or `relaxed-madd` (relaxed SIMD).
 * @returns GMAC/s, or `null` when this engine does not run the module (relaxed SIMD in Node 20).
 * @example
 * console.log(`${(await simdPeakGmacs('mul-add'))?.toFixed(1)} GMAC/s`);
 */
export async function simdPeakGmacs(kind: SimdPeakKind): Promise<number | null> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('peak.wat', peakWat(kind), { simd: true, relaxed_simd: true });
  const bytes = new Uint8Array(parsed.toBinary({}).buffer);
  parsed.destroy();
  if (!WebAssembly.validate(bytes)) return null;
  const { instance } = await WebAssembly.instantiate(bytes);
  const peak = instance.exports['peak'] as (iterations: number) => number;
  const iterations = 100_000_000;
  peak(iterations / 10);
  let best = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    peak(iterations);
    const seconds = (performance.now() - started) / 1000;
    best = Math.max(best, (iterations * accumulators * 4) / seconds / 1e9);
  }
  return best;
}

// Run as a script (bench:cpu does, with --experimental-wasm-relaxed-simd): one JSON line.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ mulAdd: await simdPeakGmacs('mul-add'), relaxedMadd: await simdPeakGmacs('relaxed-madd') }));
}
