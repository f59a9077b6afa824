/** A constant learning rate. */
export interface ConstantSchedule {
  readonly kind: 'constant';
}

/** Divide the rate by `1 / gamma` at each milestone, given as fractions of training (the paper: ÷10 at 50 % and 75 %). */
export interface StepSchedule {
  readonly kind: 'step';
  readonly milestones: readonly number[];
  readonly gamma: number;
}

/** Cosine annealing from the base rate to `minFactor · base`, after an optional linear warm-up. */
export interface CosineSchedule {
  readonly kind: 'cosine';
  /** Fraction of training spent warming up linearly from 0; default 0. */
  readonly warmup?: number;
  /** Final rate as a fraction of the base rate; default 0. */
  readonly minFactor?: number;
}

/**
 * Smith's one-cycle policy as PyTorch's `OneCycleLR` (cosine): from `base / divFactor` up to
 * `base` over the first `pctStart` of training, then down to `base / (divFactor · finalDivFactor)`.
 */
export interface OneCycleSchedule {
  readonly kind: 'one-cycle';
  readonly pctStart?: number;
  readonly divFactor?: number;
  readonly finalDivFactor?: number;
}

/** A learning-rate schedule (plain JSON; stored in checkpoints). */
export type ScheduleConfig = ConstantSchedule | StepSchedule | CosineSchedule | OneCycleSchedule;

/** The schedule names the CLI accepts. */
export const scheduleNames = ['constant', 'step', 'cosine', 'one-cycle'] as const;

/**
 * The default schedule of each kind: the paper's steps (÷10 at 50 % and 75 %), plain cosine, and
 * PyTorch's one-cycle defaults.
 *
 * @param kind - one of {@link scheduleNames}.
 * @returns the schedule.
 * @example
 * defaultSchedule('step'); // { kind: 'step', milestones: [0.5, 0.75], gamma: 0.1 }
 */
export function defaultSchedule(kind: (typeof scheduleNames)[number]): ScheduleConfig {
  switch (kind) {
    case 'constant':
      return { kind };
    case 'step':
      return { kind, milestones: [0.5, 0.75], gamma: 0.1 };
    case 'cosine':
      return { kind, warmup: 0, minFactor: 0 };
    case 'one-cycle':
      return { kind, pctStart: 0.3, divFactor: 25, finalDivFactor: 1e4 };
  }
}

const cosineBetween = (from: number, to: number, t: number) => to + ((from - to) * (1 + Math.cos(Math.PI * t))) / 2;

/**
 * The learning rate at a point of training.
 *
 * @param schedule - the schedule.
 * @param baseLr - the peak (or initial) rate, e.g. 0.1.
 * @param step - updates done so far (0-based).
 * @param totalSteps - updates in the whole run.
 * @returns the rate for update `step`.
 * @example
 * learningRateAt({ kind: 'step', milestones: [0.5, 0.75], gamma: 0.1 }, 0.1, 600, 1000); // 0.01
 */
export function learningRateAt(schedule: ScheduleConfig, baseLr: number, step: number, totalSteps: number): number {
  const t = totalSteps <= 1 ? 0 : Math.min(Math.max(step / totalSteps, 0), 1);
  switch (schedule.kind) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * schedule.gamma ** schedule.milestones.filter((milestone) => t >= milestone).length;
    case 'cosine': {
      const warmup = schedule.warmup ?? 0;
      const floor = baseLr * (schedule.minFactor ?? 0);
      if (t < warmup) return (baseLr * (step + 1)) / Math.max(warmup * totalSteps, 1);
      return cosineBetween(baseLr, floor, warmup >= 1 ? 1 : (t - warmup) / (1 - warmup));
    }
    case 'one-cycle': {
      const pctStart = schedule.pctStart ?? 0.3;
      const initial = baseLr / (schedule.divFactor ?? 25);
      const final = initial / (schedule.finalDivFactor ?? 1e4);
      const peakStep = pctStart * totalSteps - 1;
      if (step <= peakStep) return cosineBetween(initial, baseLr, peakStep <= 0 ? 1 : step / peakStep);
      const downSteps = totalSteps - 1 - peakStep;
      return cosineBetween(baseLr, final, downSteps <= 0 ? 1 : (step - peakStep) / downSteps);
    }
  }
}
