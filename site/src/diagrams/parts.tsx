import type { ReactNode } from 'react';

/**
 * Small SVG pieces the diagrams share. Colours come from CSS classes (global.css, `.diagram`), so
 * the diagrams follow the light and dark themes.
 */

/** An arrow head marker; reference it as `url(#<id>)`. Each diagram defines its own (ids are per page). */
export function ArrowMarker({ id, className = 'd-arrow-head' }: { id: string; className?: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M 0 0 L 10 5 L 0 10 z" className={className} />
    </marker>
  );
}

/** A labelled box centred on `x`, top at `y`. */
export function Box({ x, y, width, height, label, className = 'd-box' }: { x: number; y: number; width: number; height: number; label: ReactNode; className?: string }) {
  return (
    <g>
      <rect x={x - width / 2} y={y} width={width} height={height} rx="6" className={className} />
      <text x={x} y={y + height / 2} className="d-text" textAnchor="middle" dominantBaseline="central">
        {label}
      </text>
    </g>
  );
}

/** A straight arrow from (x1, y1) to (x2, y2). */
export function Arrow({ x1, y1, x2, y2, marker, className = 'd-line' }: { x1: number; y1: number; x2: number; y2: number; marker: string; className?: string }) {
  return <line x1={x1} y1={y1} x2={x2} y2={y2} className={className} markerEnd={`url(#${marker})`} />;
}

/** The ⊕ of a residual add, centred on (x, y). */
export function Sum({ x, y, r = 14 }: { x: number; y: number; r?: number }) {
  return (
    <g>
      <circle cx={x} cy={y} r={r} className="d-sum" />
      <path d={`M ${x - r / 2} ${y} H ${x + r / 2} M ${x} ${y - r / 2} V ${y + r / 2}`} className="d-line" />
    </g>
  );
}
