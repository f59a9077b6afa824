import { useRender } from '../lib/render-context.js';

/**
 * A button that copies its figure's code (without type popups or error lines). Hidden until the
 * page's script (`code-copy.ts`) wires it, so without JavaScript no dead button shows.
 */
export function CopyButton() {
  const { ui } = useRender();
  return (
    <button type="button" className="copy-code" data-copy-code data-copied={ui.t('code.copied')} hidden>
      {ui.t('code.copy')}
    </button>
  );
}
