import * as tf from '@tensorflow/tfjs-core';

/** The probe's work: three 3×3 convolutions of a small feature map and a read back, as a live example does. */
async function work(): Promise<void> {
  const result = tf.tidy(() => {
    let x = tf.randomNormal<tf.Rank.R4>([4, 16, 16, 16], 0, 1, 'float32', 1); // [N, H, W, C]
    const kernel = tf.randomNormal<tf.Rank.R4>([3, 3, 16, 16], 0, 0.1, 'float32', 2); // [kH, kW, C, C]
    for (let layer = 0; layer < 3; layer += 1) x = tf.relu(tf.conv2d(x, kernel, 1, 'same'));
    return tf.mean(x);
  });
  await result.data();
  result.dispose();
}

/**
 * Times a short workload on the active backend: one untimed run (it compiles shaders and loads
 * code), then three timed runs. A backend that has not finished within `budgetMs` counts as too slow
 * (`Infinity`); its work is left to finish in the background.
 *
 * @param budgetMs - the most milliseconds to wait, warm-up included.
 * @returns the milliseconds of the three timed runs, or `Infinity`.
 * @example
 * await tf.setBackend('wasm');
 * const ms = await timeBackend(3000); // ≈ 20 on two CPU cores
 */
export async function timeBackend(budgetMs: number): Promise<number> {
  const timed = async (): Promise<number> => {
    await work();
    const started = performance.now();
    for (let run = 0; run < 3; run += 1) await work();
    return performance.now() - started;
  };
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<number>((done) => {
    timer = setTimeout(() => done(Number.POSITIVE_INFINITY), budgetMs);
  });
  try {
    const ms = await Promise.race([timed(), outOfTime]);
    return performance.now() - started > budgetMs ? Number.POSITIVE_INFINITY : ms;
  } finally {
    clearTimeout(timer);
  }
}
