import { describe, expect, it } from 'vitest';
import { liveExampleList } from '../src/live-registry.js';
import { liveExamples } from './live.js';

describe('the live example registry', () => {
  it('keys every example by its own id, ids unique', () => {
    const list = liveExampleList(liveExamples);
    expect(list.map((example) => example.id)).toEqual(Object.keys(liveExamples));
    for (const example of list) expect(typeof example.run).toBe('function');
  });
});
