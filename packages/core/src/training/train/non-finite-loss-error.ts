/** What {@link NonFiniteLossError} and {@link NonFiniteWeightsError} may add to their message. */
export interface DivergenceOptions {
  /**
   * What was kept on disk, as a sentence (the run folder's writer knows it; `fit` does not), e.g.
   * `Nothing of epoch 2 was saved: runs/a/last.ckpt (epoch 1) … are kept; continue with --resume and a lower --lr.`
   */
  readonly kept?: string;
  /** Which loss: `loss` (a training step's, the default) or `test loss` (the epoch's evaluation). */
  readonly what?: 'loss' | 'test loss';
}

const advice = 'Lower the learning rate (--lr), use a warm-up schedule (--schedule one-cycle), or check the data for NaN pixels.';

/**
 * Training stopped because a step's loss (or the epoch's test loss) was NaN or infinite. The
 * message names the epoch, the step and the learning rate, says what to try and, from a run
 * folder's writer, which checkpoint was kept.
 */
export class NonFiniteLossError extends Error {
  constructor(
    readonly loss: number,
    readonly epoch: number,
    readonly step: number,
    readonly lr: number,
    readonly options: DivergenceOptions = {},
  ) {
    super(
      `training: the ${options.what ?? 'loss'} must stay finite, but got ${String(loss)} at epoch ${epoch}, step ${step} (learning rate ${lr}). ` +
        advice +
        (options.kept === undefined ? '' : ` ${options.kept}`),
    );
    this.name = 'NonFiniteLossError';
  }

  /** The same error with what was kept on disk added to its message. */
  withKept(kept: string): NonFiniteLossError {
    return new NonFiniteLossError(this.loss, this.epoch, this.step, this.lr, { ...this.options, kept });
  }
}

/**
 * Training stopped because a weight or batch-norm statistic became NaN or infinite (checked after
 * each epoch's last step, before anything is evaluated or saved): a diverged model is never saved.
 */
export class NonFiniteWeightsError extends Error {
  constructor(
    /** Non-finite values, over every weight and statistic. */
    readonly count: number,
    readonly total: number,
    /** The first weight holding one. */
    readonly first: string,
    readonly epoch: number,
    readonly step: number,
    readonly lr: number,
    readonly kept?: string,
  ) {
    super(
      `training: the weights must stay finite, but ${count.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} values are NaN or infinite ` +
        `(the first in ${first}) after epoch ${epoch}, step ${step} (learning rate ${lr}). ` +
        'Lower the learning rate (--lr) or use a warm-up schedule (--schedule one-cycle).' +
        (kept === undefined ? '' : ` ${kept}`),
    );
    this.name = 'NonFiniteWeightsError';
  }

  /** The same error with what was kept on disk added to its message. */
  withKept(kept: string): NonFiniteWeightsError {
    return new NonFiniteWeightsError(this.count, this.total, this.first, this.epoch, this.step, this.lr, kept);
  }
}
