import { describe, expect, test } from 'vitest';
import { stageShortcut } from './stage-shortcut.js';

describe('stageShortcut (torchvision\'s _make_layer rule)', () => {
  test.each([
    ['projection', 2, 64, 128, 'projection'],
    ['projection', 1, 64, 256, 'projection'],
    ['projection', 2, 64, 64, 'projection'],
    ['projection', 1, 128, 128, 'identity'],
    ['zero-pad', 2, 16, 32, 'zero-pad'],
    ['zero-pad', 1, 32, 32, 'identity'],
    ['identity', 2, 16, 32, 'identity'],
    ['none', 2, 16, 32, 'none'],
    ['none', 1, 16, 16, 'none'],
    ['projection', 1, null, 16, 'projection'],
  ] as const)('%s, stride %i, %s→%i channels: %s', (kind, strides, inChannels, outChannels, expected) => {
    expect(stageShortcut(kind, strides, inChannels, outChannels)).toBe(expected);
  });

  test('a misspelt kind is refused with the closest name; the old name says what replaced it', () => {
    expect(() => stageShortcut('projektion' as 'none', 2, 16, 32)).toThrow(
      "makeStage: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"projektion\". Did you mean 'projection'?",
    );
    expect(() => stageShortcut('residual' as 'none', 2, 16, 32)).toThrow(
      "makeStage: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"residual\". makeStage's 'residual' is now 'projection' (the paper's option B) or 'zero-pad' (option A).",
    );
  });
});
