import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { input } from './input.js';
import { withSeed } from './scope.js';
import { ZeroPadShortcut, zeroPadShortcut } from './zero-pad-shortcut.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The paper's option A written out with plain arrays: x[n][S·i][S·j][c] for c < C, else 0. */
function reference(values: number[][][][], strides: number, channels: number): number[][][][] {
  const pick = <Item>(rows: Item[]) => rows.filter((_, index) => index % strides === 0);
  return values.map((image) => pick(image).map((row) => pick(row).map((pixel) => [...pixel, ...Array<number>(channels - pixel.length).fill(0)])));
}

describe('zeroPadShortcut (option A)', () => {
  test.each([
    [2, 7, 3, 5],
    [2, 8, 16, 32],
    [1, 5, 4, 6],
    [3, 7, 2, 2],
  ])('stride %i, size %i, channels %i→%i: the subsampled input, then zeros', (strides, size, inChannels, channels) => {
    const x = tf.randomNormal([2, size, size, inChannels], 0, 1, 'float32', 3) as tf.Tensor4D;
    const layer = new ZeroPadShortcut({ channels, strides });
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual(layer.computeOutputShape([2, size, size, inChannels]));
    expect(y.arraySync()).toEqual(reference(x.arraySync(), strides, channels));
    expect(layer.countParams()).toBe(0);
    tf.dispose([x, y]);
  });

  test('passes the gradient back to the kept positions and channels only', () => {
    const x = tf.randomNormal([1, 4, 4, 2], 0, 1, 'float32', 5);
    const layer = new ZeroPadShortcut({ channels: 3, strides: 2 });
    const dx = tf.grad((input: tf.Tensor) => tf.sum(layer.apply(input) as tf.Tensor))(x);
    const expected = tf.tensor4d(Array.from({ length: 32 }, (_, index) => {
      const [row, column] = [Math.floor(index / 8), Math.floor(index / 2) % 4];
      return row % 2 === 0 && column % 2 === 0 ? 1 : 0;
    }), [1, 4, 4, 2]);
    expect(dx.arraySync()).toEqual(expected.arraySync());
    tf.dispose([x, dx, expected]);
  });

  test('is a registered layer: its config round-trips through TF.js serialisation', () => {
    const model = withSeed(1, () => {
      const x = input([8, 8, 4]);
      return tfl.model({ inputs: x.tensor, outputs: zeroPadShortcut(x, { channels: 8, strides: 2, name: 'shortcut' }).tensor });
    });
    const layerConfig = model.getLayer('shortcut').getConfig();
    expect(layerConfig).toMatchObject({ channels: 8, strides: 2, name: 'shortcut' });
    const rebuilt = tfl.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as tf.io.ModelJSON['modelTopology'] });
    return rebuilt.then((again) => {
      expect(again.getLayer('shortcut').getClassName()).toBe('ResidualZeroPadShortcut');
      const x = tf.ones([1, 8, 8, 4]);
      expect((again.predict(x) as tf.Tensor).shape).toEqual([1, 4, 4, 8]);
      model.dispose();
      again.dispose();
    });
  });

  test('fewer channels than the input is a ShapeError that names the fix', () => {
    expect(() => withSeed(1, () => zeroPadShortcut(input([8, 8, 64]) as never, { channels: 32 } as never))).toThrow(
      'shape error: zeroPadShortcut: zero-pad shortcut must keep every input channel, but got 64→32 — use a 1×1 conv (conv2d with kernelSize 1) and batchNorm',
    );
  });

  test('an unnamed shortcut is named zero_pad_<n> in its build scope', () => {
    const names = withSeed(1, () => {
      const x = input([8, 8, 4]);
      const y = zeroPadShortcut(zeroPadShortcut(x, { channels: 6 }), { channels: 8, strides: 2 });
      return [y.tensor.sourceLayer.name, y.shape];
    });
    expect(names).toEqual(['zero_pad_2', [null, 4, 4, 8]]);
  });
});
