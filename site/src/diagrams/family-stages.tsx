import type { UiStrings } from '@residual/lessons/node';
import { blockExpansion, resnetSpecs, type ModelName } from '@residual/core/model';

/** The ImageNet ResNets the diagram shows, in order of depth. */
export const familyModels = ['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'] as const satisfies readonly ModelName[];

const pitch = 9; // one block: a 7 px square and a 2 px gap
const labelWidth = 110;
const countWidth = 34;
const rowHeight = 34;
const top = 80;
const minColumn = 118;

/** `resnet101` → `ResNet-101`. */
function displayName(name: string): string {
  return name.replace(/^resnet(\d+)$/, 'ResNet-$1');
}

/**
 * Blocks per stage of ResNet-18 to ResNet-152, one square per block, read from the library's
 * `resnetSpecs` (block kind, blocks per stage, widths) and `blockExpansion`.
 */
export function FamilyStagesDiagram({ ui, titleId, descId }: { ui: UiStrings; titleId: string; descId: string }) {
  const t = (key: string, params?: Record<string, string | number>) => ui.t(`diagram.family-stages.${key}`, params);
  const specs = familyModels.map((name) => ({ name, spec: resnetSpecs[name] }));
  const stages = Math.max(...specs.map(({ spec }) => spec.layers.length));
  const most = Array.from({ length: stages }, (_, stage) => Math.max(...specs.map(({ spec }) => spec.layers[stage] ?? 0)));
  const columnWidth = (blocks: number) => Math.max(blocks * pitch + countWidth + 16, minColumn);
  const columnX = most.map((_, stage) => labelWidth + most.slice(0, stage).reduce((sum, blocks) => sum + columnWidth(blocks), 0));
  const width = (columnX.at(-1) ?? 0) + columnWidth(most.at(-1) ?? 0);
  const height = top + specs.length * rowHeight + 40;
  const [inputSize] = specs[0]?.spec.defaultInputShape ?? [224];
  const rows = specs.map(({ name, spec }) => t('row', { model: displayName(name), blocks: spec.layers.join(', '), kind: t(spec.block) }));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{t('title')}</title>
      <desc id={descId}>{t('desc', { rows: rows.join('; ') })}</desc>
      {most.map((_, stage) => {
        // The stem divides the input by 4; every later stage halves it again.
        const size = inputSize / 4 / 2 ** stage;
        const basic = specs.find(({ spec }) => spec.block === 'basic')?.spec;
        const bottleneck = specs.find(({ spec }) => spec.block === 'bottleneck')?.spec;
        const channels = [basic, bottleneck].flatMap((spec) => (spec === undefined ? [] : [(spec.widths[stage] ?? 0) * blockExpansion[spec.block]]));
        return (
          <g key={stage}>
            <text x={columnX[stage]} y="20" className="d-text d-strong">
              {t('stage', { n: stage + 1 })}
            </text>
            <text x={columnX[stage]} y="38" className="d-small">
              {size}×{size}
            </text>
            <text x={columnX[stage]} y="56" className="d-small">
              {channels.join(' / ')}
            </text>
          </g>
        );
      })}
      {specs.map(({ name, spec }, row) => {
        const y = top + row * rowHeight;
        return (
          <g key={name}>
            <text x="0" y={y + 4} className="d-text" dominantBaseline="central">
              {displayName(name)}
            </text>
            {spec.layers.map((blocks, stage) => (
              <g key={stage}>
                {Array.from({ length: blocks }, (_, index) => (
                  <rect key={index} x={(columnX[stage] ?? 0) + index * pitch} y={y} width="7" height="9" rx="1.5" className={spec.block === 'bottleneck' ? 'd-block-bottleneck' : 'd-block-basic'} />
                ))}
                <text x={(columnX[stage] ?? 0) + blocks * pitch + 4} y={y + 4} className="d-small" dominantBaseline="central">
                  {blocks}
                </text>
              </g>
            ))}
          </g>
        );
      })}
      <g transform={`translate(0 ${height - 18})`}>
        <rect x="0" y="-8" width="7" height="9" rx="1.5" className="d-block-basic" />
        <text x="14" y="-4" className="d-small" dominantBaseline="central">
          {t('basic')}
        </text>
        <rect x="150" y="-8" width="7" height="9" rx="1.5" className="d-block-bottleneck" />
        <text x="164" y="-4" className="d-small" dominantBaseline="central">
          {t('bottleneck')}
        </text>
      </g>
    </svg>
  );
}
