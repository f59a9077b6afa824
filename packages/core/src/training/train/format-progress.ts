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
 * A number for a progress line: three decimals, or three significant digits in exponent form when
 * it is large (a diverging loss such as `8.92e+16`) — never a 20-digit integer.
 *
 * @param value - e.g. a running loss.
 * @returns e.g. `1.734` or `8.92e+16`.
 * @example
 * formatMetric(89227395818586112); // '8.92e+16'
 */
export function formatMetric(value: number): string {
  return Math.abs(value) < 1e4 || !Number.isFinite(value) ? value.toFixed(3) : value.toExponential(2);
}

/**
 * One progress-bar line: epoch, a bar, step count, running loss and accuracy, speed and ETA —
 * fitted to `maxWidth` characters by narrowing the bar (to 8), then dropping the bar, the speed, the
 * accuracy and the loss, in that order. Numbers are never cut: the epoch, the step count and the
 * ETA always stay whole.
 *
 * @param progress - from `fit`'s `onStep`.
 * @param barWidth - characters of the bar; default 24.
 * @param maxWidth - the most characters the line may have (a terminal's width less one); default no limit.
 * @returns e.g. `epoch 2/10 [=========>          ] 26/63 loss 1.734 acc 0.362 412 img/s ETA 0:09`.
 * @example
 * process.stderr.write(`\r${formatProgress(progress, 24, process.stderr.columns - 1)}`);
 */
export function formatProgress(progress: StepProgress, barWidth = 24, maxWidth = Number.POSITIVE_INFINITY): string {
  const bar = (width: number) => {
    const done = Math.round((progress.step / progress.stepsPerEpoch) * width);
    return `[${done >= width ? '='.repeat(width) : `${'='.repeat(Math.max(done - 1, 0))}>${' '.repeat(width - Math.max(done, 1))}`}]`;
  };
  const parts = {
    epoch: `epoch ${progress.epoch}/${progress.epochs}`,
    bar: bar(barWidth),
    step: `${progress.step}/${progress.stepsPerEpoch}`,
    loss: `loss ${formatMetric(progress.loss)}`,
    acc: `acc ${progress.accuracy.toFixed(3)}`,
    speed: `${Math.round(progress.imagesPerSecond)} img/s`,
    eta: `ETA ${formatDuration(progress.etaSeconds)}`,
  };
  const line = () => Object.values(parts).filter((part) => part !== '').join(' ');
  for (let width = barWidth - 1; line().length > maxWidth && width >= 8; width--) parts.bar = bar(width);
  for (const dropped of ['bar', 'speed', 'acc', 'loss'] as const) if (line().length > maxWidth) parts[dropped] = '';
  return line();
}
