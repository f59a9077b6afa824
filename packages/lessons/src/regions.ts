const startMarker = /^\s*\/\/\s*#region\s+([\w-]+)\s*$/;
const endMarker = /^\s*\/\/\s*#endregion\b.*$/;

/** A piece of a source file: its text and, for each of its lines, the 1-based line in the file. */
export interface SourceSlice {
  text: string;
  lines: number[];
}

/**
 * The names of the `// #region name` … `// #endregion` blocks in a source file, in order.
 *
 * @param text - the file's text.
 * @example
 * listRegions('// #region count\nx;\n// #endregion'); // ['count']
 */
export function listRegions(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const match = startMarker.exec(line);
    return match?.[1] === undefined ? [] : [match[1]];
  });
}

/**
 * Cuts one region out of a source file, dedented, without its markers (nested markers removed).
 * Without a region name, returns the whole file with every region marker line removed.
 *
 * @param text - the file's text.
 * @param region - the region name after `// #region`.
 * @param file - the file's name, for the error message.
 * @example
 * extractRegion('a;\n// #region r\n  b;\n// #endregion\n', 'r', 'x.ts'); // 'b;'
 */
export function extractRegion(text: string, region: string | undefined, file: string): string {
  return sliceRegion(text, region, file).text;
}

/**
 * Like {@link extractRegion}, and also says which line of the file each line of the slice is, so
 * a compiler message's line number can be found in the shown code.
 *
 * @param text - the file's text.
 * @param region - the region name, or `undefined` for the whole file.
 * @param file - the file's name, for the error message.
 * @example
 * sliceRegion('a;\n// #region r\nb;\n// #endregion', 'r', 'x.ts'); // { text: 'b;', lines: [3] }
 */
export function sliceRegion(text: string, region: string | undefined, file: string): SourceSlice {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const numbered = lines.map((line, index) => ({ line, number: index + 1 }));
  if (region === undefined) return finish(numbered.filter(({ line }) => !isMarker(line)));
  const start = lines.findIndex((line) => startMarker.exec(line)?.[1] === region);
  if (start < 0) {
    const known = listRegions(text);
    throw new Error(
      `extractRegion: region must be one of the file's regions, but got "${region}" in ${file} ` +
        `(regions: ${known.length === 0 ? 'none' : known.join(', ')}). Add \`// #region ${region}\` … \`// #endregion\` to the file.`,
    );
  }
  let depth = 0;
  const body: typeof numbered = [];
  for (const entry of numbered.slice(start + 1)) {
    if (startMarker.test(entry.line)) depth += 1;
    else if (endMarker.test(entry.line)) {
      if (depth === 0) return finish(body);
      depth -= 1;
    } else body.push(entry);
  }
  throw new Error(
    `extractRegion: region "${region}" in ${file} must end with \`// #endregion\`, but got the end of the file. Close the region.`,
  );
}

function isMarker(line: string): boolean {
  return startMarker.test(line) || endMarker.test(line);
}

function finish(entries: Array<{ line: string; number: number }>): SourceSlice {
  let first = 0;
  let last = entries.length;
  while (first < last && entries[first]?.line.trim() === '') first += 1;
  while (last > first && entries[last - 1]?.line.trim() === '') last -= 1;
  const kept = entries.slice(first, last);
  const indents = kept.filter(({ line }) => line.trim() !== '').map(({ line }) => /^\s*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return { text: kept.map(({ line }) => line.slice(cut)).join('\n'), lines: kept.map(({ number }) => number) };
}
