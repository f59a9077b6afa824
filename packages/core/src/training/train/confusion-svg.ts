import { escapeXml as escape } from '../charts/escape-xml.js';
import { perClassAccuracy, type ClassAccuracy } from './per-class.js';

/**
 * Draws a confusion matrix as a standalone SVG heat map: one row per true class, one column per
 * predicted class, each cell shaded by its share of the row and labelled with its count, each row
 * followed by the class's accuracy.
 *
 * @param confusion - `[K][K]` counts (rows: true class, columns: predicted class), as `evaluate` returns.
 * @param classNames - the K names.
 * @param title - a caption, e.g. `resnet20 on the CIFAR-10 test split`.
 * @returns the SVG document.
 * @example
 * await writeFile('confusion.svg', renderConfusionSvg(result.confusion, header.data.classNames, 'resnet20'));
 */
export function renderConfusionSvg(confusion: readonly (readonly number[])[], classNames: readonly string[], title: string): string {
  const classes = perClassAccuracy(confusion, classNames);
  const size = 36;
  const nameWidth = 8 + 7 * Math.max(...classes.map((entry) => entry.className.length), 4);
  const left = nameWidth + 8;
  const top = 64 + nameWidth;
  const width = Math.ceil(Math.max(left + classes.length * size + 90, 16 + 6.5 * title.length)); // room for the bold title
  const height = top + classes.length * size + 30;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escape(title)}</title>`,
    '<rect width="100%" height="100%" fill="white"/>',
    `<text x="8" y="18" font-weight="bold">${escape(title)}</text>`,
    `<text x="${left + (classes.length * size) / 2}" y="40" text-anchor="middle">predicted class</text>`,
    `<text x="12" y="${top + (classes.length * size) / 2}" text-anchor="middle" transform="rotate(-90 12 ${top + (classes.length * size) / 2})">true class</text>`,
    `<text x="${left + classes.length * size + 8}" y="${top - 8}">accuracy</text>`,
  ];
  classes.forEach((entry, column) => {
    const x = left + column * size + size / 2;
    parts.push(`<text x="${x}" y="${top - 6}" transform="rotate(-60 ${x} ${top - 6})">${escape(entry.className)}</text>`);
  });
  confusion.forEach((row, r) => {
    const y = top + r * size;
    const entry = classes[r] as ClassAccuracy; // one per row, checked by perClassAccuracy
    parts.push(`<text x="${left - 6}" y="${y + size / 2 + 4}" text-anchor="end">${escape(entry.className)}</text>`);
    row.forEach((value, column) => {
      const share = entry.count === 0 ? 0 : value / entry.count;
      const fill = r === column ? `rgba(31,119,180,${(0.1 + 0.9 * share).toFixed(3)})` : `rgba(214,39,40,${(share === 0 ? 0 : 0.1 + 0.9 * share).toFixed(3)})`;
      parts.push(`<rect x="${left + column * size}" y="${y}" width="${size}" height="${size}" fill="${fill}" stroke="#ccc"/>`);
      parts.push(`<text x="${left + column * size + size / 2}" y="${y + size / 2 + 4}" text-anchor="middle"${share > 0.6 ? ' fill="white"' : ''}>${value}</text>`);
    });
    parts.push(`<text x="${left + classes.length * size + 8}" y="${y + size / 2 + 4}">${entry.accuracy === null ? 'n/a' : `${(entry.accuracy * 100).toFixed(1)} %`}</text>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
