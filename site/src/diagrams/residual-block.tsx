import type { UiStrings } from '@residual/lessons/node';
import { Arrow, ArrowMarker, Box, Sum } from './parts.js';

/** The basic residual block: two 3×3 convolutions with batch norm, the identity shortcut, the add, the last ReLU. */
export function ResidualBlockDiagram({ ui, titleId, descId }: { ui: UiStrings; titleId: string; descId: string }) {
  const t = (key: string) => ui.t(`diagram.residual-block.${key}`);
  const x = 230;
  const arrow = 'residual-block-arrow';
  return (
    <svg viewBox="0 0 520 372" width="520" height="372" role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{t('title')}</title>
      <desc id={descId}>{t('desc')}</desc>
      <defs>
        <ArrowMarker id={arrow} />
      </defs>
      <text x={x} y="20" className="d-text" textAnchor="middle">
        {t('input')} <tspan className="d-math">x</tspan>
      </text>
      <Arrow x1={x} y1={28} x2={x} y2={58} marker={arrow} />
      <Box x={x} y={60} width={200} height={36} label="3×3 conv · batch norm" />
      <Arrow x1={x} y1={96} x2={x} y2={114} marker={arrow} />
      <Box x={x} y={116} width={90} height={28} label="ReLU" className="d-box d-soft" />
      <Arrow x1={x} y1={144} x2={x} y2={162} marker={arrow} />
      <Box x={x} y={164} width={200} height={36} label="3×3 conv · batch norm" />
      <Arrow x1={x} y1={200} x2={x} y2={226} marker={arrow} />
      <Sum x={x} y={242} r={15} />
      <text x={x - 24} y={246} className="d-text" textAnchor="end">
        <tspan className="d-math">F</tspan>(<tspan className="d-math">x</tspan>) + <tspan className="d-math">x</tspan>
      </text>
      <Arrow x1={x} y1={257} x2={x} y2={280} marker={arrow} />
      <Box x={x} y={282} width={90} height={28} label="ReLU" className="d-box d-soft" />
      <Arrow x1={x} y1={310} x2={x} y2={336} marker={arrow} />
      <text x={x} y="356" className="d-text" textAnchor="middle">
        {t('output')}
      </text>
      {/* the shortcut: from the input, around the branch, into the add */}
      <path d={`M ${x} 40 H 400 V 242 H ${x + 17}`} className="d-line d-accent" markerEnd={`url(#${arrow})`} fill="none" />
      <text x="410" y="136" className="d-text d-accent-text">
        {t('shortcut')}
      </text>
      <text x="410" y="156" className="d-text d-math d-accent-text">
        x
      </text>
      {/* the branch */}
      <path d="M 118 60 H 108 V 200 H 118" className="d-line d-muted-line" fill="none" />
      <text x="98" y="126" className="d-text" textAnchor="end">
        <tspan className="d-math">F</tspan>(<tspan className="d-math">x</tspan>)
      </text>
      <text x="98" y="146" className="d-small" textAnchor="end">
        {t('branch')}
      </text>
    </svg>
  );
}
