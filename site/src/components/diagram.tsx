import type { DiagramId } from '@residual/lessons';
import { useRender } from '../lib/render-context.js';
import { BottleneckDiagram } from '../diagrams/bottleneck.js';
import { FamilyStagesDiagram } from '../diagrams/family-stages.js';
import { GradientPathsDiagram } from '../diagrams/gradient-paths.js';
import { ResidualBlockDiagram } from '../diagrams/residual-block.js';

/** `<Diagram id="residual-block" />`: an SVG figure with its title, description and caption in the page's language. */
export function Diagram({ id }: { id: DiagramId }) {
  const { ui, data } = useRender();
  const ids = { titleId: `diagram-${id}-title`, descId: `diagram-${id}-desc` };
  const drawings: Record<DiagramId, () => React.JSX.Element> = {
    'residual-block': () => <ResidualBlockDiagram ui={ui} {...ids} />,
    bottleneck: () => <BottleneckDiagram ui={ui} data={data} {...ids} />,
    'gradient-paths': () => <GradientPathsDiagram ui={ui} {...ids} />,
    'family-stages': () => <FamilyStagesDiagram ui={ui} {...ids} />,
  };
  const draw = drawings[id];
  if (draw === undefined) throw new Error(`Diagram: id must be one of ${Object.keys(drawings).join(', ')}, but got "${id}".`);
  return (
    <figure className="diagram" data-diagram={id}>
      <div className="diagram-scroll" tabIndex={0}>{draw()}</div>
      <figcaption>{ui.t(`diagram.${id}.caption`)}</figcaption>
    </figure>
  );
}
