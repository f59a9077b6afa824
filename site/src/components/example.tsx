import { snippetKey, useRender } from '../lib/render-context.js';

/** `<Example file="04-bottleneck/param-counts.ts" region="count" />`: the highlighted file text. */
export function Example({ file, region, title }: { file: string; region?: string; title?: string }) {
  const { ui, snippets } = useRender();
  const html = snippets.get(snippetKey('example', file, region));
  if (html === undefined) throw new Error(`Example: the snippet ${file}#${region ?? ''} must be prepared before rendering, but it was not.`);
  return (
    <figure className="example" data-example={file}>
      <figcaption>
        <code>{title ?? ui.t('example.file', { file })}</code>
        {region === undefined ? null : <span className="region">#{region}</span>}
      </figcaption>
      <div className="code" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
