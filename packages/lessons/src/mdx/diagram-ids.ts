/**
 * The diagrams a lesson can show with `<Diagram id="…" />`. The site draws each one as an
 * accessible SVG (title, description and caption in the page's language), from the library's own
 * specs where the diagram shows an architecture.
 */
export const diagramIds = ['residual-block', 'bottleneck', 'gradient-paths', 'family-stages'] as const;

/** The id of a diagram, e.g. `'residual-block'`. */
export type DiagramId = (typeof diagramIds)[number];
