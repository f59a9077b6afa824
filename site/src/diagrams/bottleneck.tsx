import { formatNumber } from '@residual/lessons';
import type { LessonData, UiStrings } from '@residual/lessons/node';
import { blockExpansion } from '@residual/core/model';
import { Arrow, ArrowMarker, Box, Sum } from './parts.js';

/** The number ids (lesson 4's numbers()) that give each block's convolution weights. */
export const bottleneckNumberIds = { basic: 'bottleneck.params.basic64', bottleneck: 'bottleneck.params.bottleneck' } as const;

interface Column {
  x: number;
  label: string;
  inChannels: number;
  layers: string[];
  weights: number;
}

/** The paper's Figure 5: a basic block on 64 channels beside a bottleneck on 256, with their weight counts. */
export function BottleneckDiagram({ ui, data, titleId, descId }: { ui: UiStrings; data: LessonData; titleId: string; descId: string }) {
  const t = (key: string, params?: Record<string, string | number>) => ui.t(`diagram.bottleneck.${key}`, params);
  const weights = (id: string) => {
    const value = data.numbers[id];
    if (typeof value !== 'number') throw new Error(`BottleneckDiagram: number "${id}" must be produced by examples/04-bottleneck/numbers.ts, but got ${JSON.stringify(value)}.`);
    return value;
  };
  const width = 64;
  const wide = width * blockExpansion.bottleneck;
  const columns: Column[] = [
    { x: 150, label: t('basic', { channels: width }), inChannels: width * blockExpansion.basic, layers: [`3×3, ${width}`, `3×3, ${width}`], weights: weights(bottleneckNumberIds.basic) },
    { x: 450, label: t('bottleneck', { channels: wide }), inChannels: wide, layers: [`1×1, ${width}`, `3×3, ${width}`, `1×1, ${wide}`], weights: weights(bottleneckNumberIds.bottleneck) },
  ];
  const arrow = 'bottleneck-arrow';
  const sumY = 258;
  return (
    <svg viewBox="0 0 600 350" width="600" height="350" role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{t('title')}</title>
      <desc id={descId}>{ui.t('diagram.bottleneck.desc', { basic: formatNumber(columns[0]!.weights), bottleneck: formatNumber(columns[1]!.weights) })}</desc>
      <defs>
        <ArrowMarker id={arrow} />
      </defs>
      {columns.map((column) => {
        const tops = column.layers.map((_, index) => 70 + index * 60);
        const last = (tops.at(-1) ?? 70) + 34;
        return (
          <g key={column.x}>
            <text x={column.x} y="18" className="d-text d-strong" textAnchor="middle">
              {column.label}
            </text>
            <text x={column.x} y="44" className="d-small" textAnchor="middle">
              {column.inChannels}-d
            </text>
            <Arrow x1={column.x} y1={50} x2={column.x} y2={68} marker={arrow} />
            {column.layers.map((layer, index) => (
              <g key={index}>
                <Box x={column.x} y={tops[index]!} width={130} height={34} label={layer} />
                {index < column.layers.length - 1 && (
                  <>
                    <Arrow x1={column.x} y1={tops[index]! + 34} x2={column.x} y2={tops[index]! + 58} marker={arrow} />
                    <text x={column.x + 8} y={tops[index]! + 50} className="d-small">
                      ReLU
                    </text>
                  </>
                )}
              </g>
            ))}
            <Arrow x1={column.x} y1={last} x2={column.x} y2={sumY - 16} marker={arrow} />
            <Sum x={column.x} y={sumY} />
            <Arrow x1={column.x} y1={sumY + 14} x2={column.x} y2={sumY + 36} marker={arrow} />
            <text x={column.x + 8} y={sumY + 30} className="d-small">
              ReLU
            </text>
            <path d={`M ${column.x} 56 H ${column.x + 100} V ${sumY} H ${column.x + 16}`} className="d-line d-accent" markerEnd={`url(#${arrow})`} fill="none" />
            <text x={column.x} y="330" className="d-text d-strong" textAnchor="middle">
              {t('weights', { n: formatNumber(column.weights) })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
