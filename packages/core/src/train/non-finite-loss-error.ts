/**
 * Training stopped because a step's loss was NaN or infinite. The message names the epoch, the
 * step and the learning rate, and says what to try.
 */
export class NonFiniteLossError extends Error {
  constructor(
    readonly loss: number,
    readonly epoch: number,
    readonly step: number,
    readonly lr: number,
  ) {
    super(
      `training: the loss must stay finite, but got ${String(loss)} at epoch ${epoch}, step ${step} (learning rate ${lr}). ` +
        'Lower the learning rate (--lr), use a warm-up schedule (--schedule one-cycle), or check the data for NaN pixels; ' +
        'the last good checkpoint is kept and --resume continues from it.',
    );
    this.name = 'NonFiniteLossError';
  }
}
