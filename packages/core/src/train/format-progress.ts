import type { StepProgress } from './fit.js';

/**
 * Formats seconds as `m:ss` (or `h:mm:ss`).
 *
 * @param seconds - a duration.
 * @returns e.g. `1:05`.
 * @example
 * formatDuration(3725); // '1:02:05'
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?:??';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * One progress-bar line: epoch, a bar, step count, running loss and accuracy, speed and ETA.
 *
 * @param progress - from `fit`'s `onStep`.
 * @param barWidth - characters of the bar; default 24.
 * @returns e.g. `epoch 2/10 [=========>          ] 26/63 loss 1.734 acc 0.362 412 img/s ETA 0:09`.
 * @example
 * process.stderr.write(`\r${formatProgress(progress)}`);
 */
export function formatProgress(progress: StepProgress, barWidth = 24): string {
  const done = Math.round((progress.step / progress.stepsPerEpoch) * barWidth);
  const bar = done >= barWidth ? '='.repeat(barWidth) : `${'='.repeat(Math.max(done - 1, 0))}>${' '.repeat(barWidth - Math.max(done, 1))}`;
  return (
    `epoch ${progress.epoch}/${progress.epochs} [${bar}] ${progress.step}/${progress.stepsPerEpoch} ` +
    `loss ${progress.loss.toFixed(3)} acc ${progress.accuracy.toFixed(3)} ` +
    `${Math.round(progress.imagesPerSecond)} img/s ETA ${formatDuration(progress.etaSeconds)}`
  );
}
