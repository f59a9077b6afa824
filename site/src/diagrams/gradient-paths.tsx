import type { UiStrings } from '@residual/lessons/node';
import { Arrow, ArrowMarker, Box } from './parts.js';

const blocks = [1, 2, 3, 4];
const boxWidth = 76;
const boxX = (index: number) => 150 + index * 110;

/** One row: input → blocks → loss, the forward arrows, and the gradient's way back. */
function Row({ y, residual, ui, arrow, back }: { y: number; residual: boolean; ui: UiStrings; arrow: string; back: string }) {
  const t = (key: string, params?: Record<string, string | number>) => ui.t(`diagram.gradient-paths.${key}`, params);
  const mid = y + 18;
  const lossX = boxX(blocks.length - 1) + boxWidth / 2 + 70;
  return (
    <g>
      <text x="20" y={y - 26} className="d-text d-strong">
        {t(residual ? 'residual' : 'plain')}
      </text>
      <text x="56" y={mid} className="d-small" textAnchor="middle" dominantBaseline="central">
        {t('input')}
      </text>
      <Arrow x1={80} y1={mid} x2={boxX(0) - boxWidth / 2 - 2} y2={mid} marker={arrow} />
      {blocks.map((n, index) => (
        <g key={n}>
          <Box x={boxX(index)} y={y} width={boxWidth} height={36} label={t('block', { n })} />
          {index < blocks.length - 1 && <Arrow x1={boxX(index) + boxWidth / 2} y1={mid} x2={boxX(index + 1) - boxWidth / 2 - 2} y2={mid} marker={arrow} />}
          {residual && (
            <path
              d={`M ${boxX(index) - boxWidth / 2 - 14} ${mid} C ${boxX(index) - 30} ${y - 34}, ${boxX(index) + 30} ${y - 34}, ${boxX(index) + boxWidth / 2 + 14} ${mid}`}
              className="d-line d-muted-line"
              fill="none"
            />
          )}
        </g>
      ))}
      <Arrow x1={boxX(blocks.length - 1) + boxWidth / 2} y1={mid} x2={lossX - 24} y2={mid} marker={arrow} />
      <text x={lossX} y={mid} className="d-small" textAnchor="middle" dominantBaseline="central">
        {t('loss')}
      </text>
      {/* the gradient, from the loss back to the input */}
      {residual ? (
        <>
          {blocks.map((n, index) => (
            <path
              key={n}
              d={`M ${boxX(index) + boxWidth / 2 + 14} ${y - 6} C ${boxX(index) + 30} ${y - 44}, ${boxX(index) - 30} ${y - 44}, ${boxX(index) - boxWidth / 2 - 14} ${y - 6}`}
              className="d-line d-gradient"
              fill="none"
              markerEnd={`url(#${back})`}
            />
          ))}
          <text x={boxX(1) + 55} y={y + 62} className="d-small d-gradient-text" textAnchor="middle">
            {t('throughShortcut')}
          </text>
        </>
      ) : (
        <>
          <path d={`M ${lossX - 10} ${y + 46} H 60`} className="d-line d-gradient" fill="none" markerEnd={`url(#${back})`} />
          {blocks.map((n, index) => (
            <text key={n} x={boxX(index)} y={y + 64} className="d-small d-gradient-text" textAnchor="middle">
              × ∂F{n}/∂a
            </text>
          ))}
        </>
      )}
    </g>
  );
}

/** The gradient's paths back through a plain network (through every block) and a residual one (also along the shortcuts). */
export function GradientPathsDiagram({ ui, titleId, descId }: { ui: UiStrings; titleId: string; descId: string }) {
  const arrow = 'gradient-paths-arrow';
  const back = 'gradient-paths-back';
  return (
    <svg viewBox="0 0 720 300" width="720" height="300" role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{ui.t('diagram.gradient-paths.title')}</title>
      <desc id={descId}>{ui.t('diagram.gradient-paths.desc')}</desc>
      <defs>
        <ArrowMarker id={arrow} />
        <ArrowMarker id={back} className="d-gradient-head" />
      </defs>
      <Row y={44} residual={false} ui={ui} arrow={arrow} back={back} />
      <Row y={204} residual={true} ui={ui} arrow={arrow} back={back} />
    </svg>
  );
}
