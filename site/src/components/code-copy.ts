/**
 * Wires every code block's copy button (`[data-copy-code]`): it copies the code as written, without
 * the type popups and error lines the compiler added, and says so for two seconds.
 */
export function wireCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-code]')) {
    const pre = button.closest('figure')?.querySelector('pre.shiki');
    if (!pre || !navigator.clipboard) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(codeText(pre));
      button.textContent = button.dataset['copied'] ?? label;
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
}

/** The text of a highlighted block as written: popups, error lines and their tags left out. */
export function codeText(pre: Element): string {
  const copy = pre.cloneNode(true) as Element;
  for (const extra of copy.querySelectorAll('.twoslash-popup-container, .twoslash-error-line, .twoslash-tag-line, .twoslash-meta-line')) extra.remove();
  return [...copy.querySelectorAll('.line')].map((line) => line.textContent ?? '').join('\n');
}

wireCopyButtons();
