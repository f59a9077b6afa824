import { snippetKey, useRender } from '../lib/render-context.js';
import { CopyButton } from './copy-button.js';

/**
 * `<CompilerError id="dropped-shortcut" />`: the bug's code, with the compiler's hover types and its
 * error under the line that causes it, then tsc's message as tsc prints it. Both come from the one
 * compiler pass of the lessons build (`typeFiles`).
 */
export function CompilerError({ id, region }: { id: string; region?: string }) {
  const { data, ui, snippets } = useRender();
  const capture = data.compilerErrors[id];
  const html = snippets.get(snippetKey('bug', id, region));
  if (capture === undefined || html === undefined) throw new Error(`CompilerError: bugs/${id}.ts must be captured and prepared, but it was not.`);
  return (
    <figure className="compiler-error" data-compiler-error={id}>
      <figcaption>
        <code>{ui.t('compiler.code', { file: capture.file })}</code>
        <CopyButton />
      </figcaption>
      <div className="code" dangerouslySetInnerHTML={{ __html: html }} />
      <p className="tsc-title">{ui.t('compiler.says')}</p>
      <pre className="tsc-output" lang="en">
        <code>{capture.diagnostics.map((diagnostic) => diagnostic.formatted).join('\n')}</code>
      </pre>
    </figure>
  );
}
