import { snippetKey, useRender } from '../lib/render-context.js';
import { CopyButton } from './copy-button.js';

/**
 * `<Example file="04-bottleneck/param-counts.ts" region="count" />`: the highlighted file text, each
 * identifier with its type from the compiler on hover, focus or tap, and a copy button.
 */
export function Example({ file, region, title }: { file: string; region?: string; title?: string }) {
  const { ui, snippets } = useRender();
  const html = snippets.get(snippetKey('example', file, region));
  if (html === undefined) throw new Error(`Example: the snippet ${file}#${region ?? ''} must be prepared before rendering, but it was not.`);
  return (
    <figure className="example" data-example={file}>
      <figcaption>
        <code>{title ?? ui.t('example.file', { file })}</code>
        {region === undefined ? null : <span className="region">#{region}</span>}
        <CopyButton />
      </figcaption>
      <div className="code" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
