import { describe, expect, it } from 'vitest';
import { niceTicks, renderLineChartSvg } from './line-chart-svg.js';

describe('renderLineChartSvg', () => {
  const chart = {
    title: 'accuracy <train & test>',
    x: 'epoch',
    y: 'accuracy',
    series: [
      { name: 'resnet20 · train', points: [[1, 0.2], [2, 0.4]] as Array<[number, number]> },
      { name: 'resnet20 · test', points: [[1, 0.25], [2, 0.35]] as Array<[number, number]>, dashed: true },
    ],
  };

  it('draws each series as a polyline with its legend entry; dashed ones dashed; text escaped', () => {
    const svg = renderLineChartSvg(chart);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2); // the test line and its legend swatch
    expect(svg).toContain('>resnet20 · train</text>');
    expect(svg).toContain('aria-label="accuracy &lt;train &amp; test&gt;"');
    expect(svg).not.toContain('xmlns');
  });

  it('a fixed y range puts its ends on the frame; a standalone document has a namespace and a background', () => {
    const svg = renderLineChartSvg({ ...chart, yRange: [0, 1] }, { standalone: true, width: 400, height: 200 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"')).toBe(true);
    expect(svg).toContain('>0</text>');
    expect(svg).toContain('>1</text>');
  });

  it('log scale: drops non-positive points, ticks at powers of ten, and says so in the title', () => {
    const svg = renderLineChartSvg({ title: 'norms', x: 'block', y: 'norm', log: true, series: [{ name: 'plain', points: [[1, 0.01], [2, 10], [3, 0]] }] }, { logLabel: '对数坐标' });
    expect(svg).toContain('norms (对数坐标)');
    for (const tick of ['0.01', '0.1', '1', '10']) expect(svg).toContain(`>${tick}</text>`);
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
});

describe('niceTicks', () => {
  it('gives round steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(niceTicks(0, 250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(-0.013, 0.012)).toEqual([-0.01, -0.005, 0, 0.005, 0.01]);
  });
});
