/**
 * Places a type popup in the viewport (`position: fixed`) while its token is hovered or focused, so
 * a code block that scrolls sideways does not clip it. Without this script the popups still open,
 * inside the block.
 */
export function placePopups(root: Document = document): void {
  const place = (event: Event) => {
    const token = (event.target as Element | null)?.closest?.('.twoslash-hover');
    const popup = token?.querySelector<HTMLElement>('.twoslash-popup-container');
    if (!token || !popup) return;
    const box = token.getBoundingClientRect();
    popup.classList.add('placed');
    const width = popup.offsetWidth;
    popup.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - width - 4))}px`;
    const below = box.bottom + 4;
    popup.style.top = `${below + popup.offsetHeight > window.innerHeight && box.top > popup.offsetHeight + 8 ? box.top - popup.offsetHeight - 4 : below}px`;
  };
  root.addEventListener('mouseover', place);
  root.addEventListener('focusin', place);
  // A fixed popup would stay where it was while the page scrolls: let it go back inside its block.
  window.addEventListener('scroll', () => {
    for (const popup of root.querySelectorAll<HTMLElement>('.twoslash-popup-container.placed')) popup.classList.remove('placed');
  }, { passive: true });
}

placePopups();
