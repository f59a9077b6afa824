import { describe, expect, test } from 'vitest';
import { extractRegion, listRegions, sliceRegion } from './regions.js';

const file = ['import x from "y";', '', '// #region outer', '  const a = 1;', '  // #region inner', '  const b = 2;', '  // #endregion', '', '// #endregion', 'const c = 3;'].join('\n');

describe('regions', () => {
  test('lists region names in order, nested ones included', () => {
    expect(listRegions(file)).toEqual(['outer', 'inner']);
  });
  test('cuts a region out, dedented, without nested markers or edge blank lines', () => {
    expect(extractRegion(file, 'outer', 'f.ts')).toBe('const a = 1;\nconst b = 2;');
    expect(extractRegion(file, 'inner', 'f.ts')).toBe('const b = 2;');
  });
  test('without a name, returns the whole file without marker lines', () => {
    expect(extractRegion(file, undefined, 'f.ts')).toBe('import x from "y";\n\n  const a = 1;\n  const b = 2;\n\nconst c = 3;');
  });
  test('maps every shown line back to its line in the file', () => {
    expect(sliceRegion(file, 'outer', 'f.ts').lines).toEqual([4, 6]);
    expect(sliceRegion(file, undefined, 'f.ts').lines).toEqual([1, 2, 4, 6, 8, 10]);
  });
  test('an unknown region names the file and the regions it has', () => {
    expect(() => extractRegion(file, 'nope', 'examples/f.ts')).toThrow(
      'extractRegion: region must be one of the file\'s regions, but got "nope" in examples/f.ts (regions: outer, inner). Add `// #region nope` … `// #endregion` to the file.',
    );
  });
  test('an unclosed region is an error', () => {
    expect(() => extractRegion('// #region open\nx;', 'open', 'f.ts')).toThrow('extractRegion: region "open" in f.ts must end with `// #endregion`, but got the end of the file. Close the region.');
  });
});
