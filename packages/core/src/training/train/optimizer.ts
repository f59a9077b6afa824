import * as tf from '@tensorflow/tfjs-core';
import { multiplyAdd } from '../../engine/ops/multiply-add.js';

/** SGD with momentum and L2 weight decay, as PyTorch's `torch.optim.SGD` (the ResNet paper's optimiser). */
export interface SgdConfig {
  readonly kind: 'sgd';
  /** Momentum μ: `v ← μ·v + g`; the paper uses 0.9. */
  readonly momentum: number;
  /** L2 weight decay λ added to the gradient: `g ← g + λ·w`; the paper uses 1e-4 (CIFAR). */
  readonly weightDecay: number;
  /** Nesterov momentum: step along `g + μ·v` instead of `v`. */
  readonly nesterov?: boolean;
}

/** Adam with optional L2 weight decay, as PyTorch's `torch.optim.Adam`. */
export interface AdamConfig {
  readonly kind: 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly weightDecay: number;
}

/** Which optimiser and its hyper-parameters (plain JSON; stored in checkpoints). */
export type OptimizerConfig = SgdConfig | AdamConfig;

/** The paper's optimiser: SGD, momentum 0.9, weight decay 1e-4. */
export const paperSgd: SgdConfig = { kind: 'sgd', momentum: 0.9, weightDecay: 1e-4 };

/** Adam's usual defaults (Kingma & Ba): β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay. */
export const defaultAdam: AdamConfig = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 };

/**
 * An optimiser whose whole state is tensors in a fixed order, so a checkpoint can store and
 * restore it exactly. Momentum/Adam slots start at zero like PyTorch's.
 *
 * @example
 * const optimizer = new Optimizer(paperSgd, model.layersModel.trainableWeights.map((w) => w.read() as tf.Variable));
 * optimizer.apply(grads, 0.1);
 */
export class Optimizer {
  /** Updates applied so far (Adam's bias correction uses it). */
  step = 0;
  private readonly slots: tf.Variable[][];

  constructor(
    readonly config: OptimizerConfig,
    readonly variables: readonly tf.Variable[],
  ) {
    const slotCount = config.kind === 'sgd' ? 1 : 2;
    this.slots = variables.map((variable) =>
      // tidy frees the zeros tensor; the variable keeps its own reference to the data.
      Array.from({ length: slotCount }, () => tf.tidy(() => tf.variable(tf.zerosLike(variable), false))),
    );
  }

  /**
   * Applies one update with learning rate `lr`.
   *
   * @param grads - one gradient per variable, same order and shapes as `variables`.
   * @param lr - the learning rate for this step.
   * @returns nothing; the variables are updated in place.
   * @example
   * optimizer.apply(variables.map((v) => grads[v.name]!), schedule(step));
   */
  apply(grads: readonly tf.Tensor[], lr: number): void {
    this.step += 1;
    const config = this.config;
    tf.tidy(() => {
      this.variables.forEach((variable, index) => {
        const raw = grads[index];
        const slots = this.slots[index];
        if (raw === undefined || slots === undefined) return;
        // multiplyAdd(x, a, y) = a·x + y in one kernel (a GPU dispatch per line instead of two).
        const grad = config.weightDecay === 0 ? raw : multiplyAdd(variable, config.weightDecay, raw); // g + λ·w
        if (config.kind === 'sgd') {
          const [velocity] = slots as [tf.Variable];
          velocity.assign(multiplyAdd(velocity, config.momentum, grad)); // μ·v + g
          const direction = config.nesterov === true ? multiplyAdd(velocity, config.momentum, grad) : velocity; // g + μ·v
          variable.assign(multiplyAdd(direction, -lr, variable)); // w − lr·d
        } else {
          const [first, second] = slots as [tf.Variable, tf.Variable];
          first.assign(multiplyAdd(first, config.beta1, tf.mul(grad, 1 - config.beta1)));
          second.assign(multiplyAdd(second, config.beta2, tf.mul(tf.square(grad), 1 - config.beta2)));
          const correction1 = 1 - config.beta1 ** this.step;
          const correction2 = 1 - config.beta2 ** this.step;
          const denominator = tf.add(tf.sqrt(tf.div(second, correction2)), config.epsilon);
          variable.assign(multiplyAdd(tf.div(tf.div(first, correction1), denominator), -lr, variable));
        }
      });
    });
  }

  /** The state tensors in a fixed order (per variable: velocity, or Adam's first and second moments). */
  stateTensors(): tf.Variable[] {
    return this.slots.flat();
  }

  /**
   * Restores state saved from {@link Optimizer.stateTensors} and {@link Optimizer.step}.
   *
   * @param values - the saved tensors' values, same order.
   * @param step - the saved step count.
   * @returns nothing.
   * @example
   * optimizer.loadState(savedValues, 390);
   */
  loadState(values: readonly tf.Tensor[], step: number): void {
    const slots = this.stateTensors();
    if (values.length !== slots.length) {
      throw new Error(
        `Optimizer.loadState: state must have ${slots.length} tensors for this ${this.config.kind} optimiser, but got ${values.length}. ` +
          'The checkpoint was written for another model or optimiser.',
      );
    }
    slots.forEach((slot, index) => slot.assign(values[index] as tf.Tensor));
    this.step = step;
  }

  /** Frees the state tensors. */
  dispose(): void {
    for (const slot of this.stateTensors()) slot.dispose();
  }
}
