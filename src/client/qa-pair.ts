/**
 * The pair view's page-wide controls: show or hide the other side in every block (each block keeps its
 * own disclosure, usable without a script), and swap the two sides. The state is kept in the fragment
 * (`#other=hidden&swap=1`). Sides are swapped by moving the elements, so reading and focus order follow
 * what is seen. Browser only.
 */
import { onState, writeState } from './qa-fragment.ts';

export function enhancePairView(controls: HTMLElement | null, list: HTMLElement | null): void {
  if (!controls || !list) return;
  const otherButton = controls.querySelector<HTMLButtonElement>('[data-qa-other]');
  const swapButton = controls.querySelector<HTMLButtonElement>('[data-qa-swap]');
  if (!otherButton || !swapButton) return;
  const rows = [...list.querySelectorAll<HTMLElement>('.qa-pair-row')];
  let swapped = false;

  const swap = () => {
    for (const row of rows) {
      const sides = row.querySelector<HTMLElement>('.qa-pair-sides');
      const details = sides?.querySelector<HTMLDetailsElement>('details.qa-pair-other');
      const primary = sides?.querySelector<HTMLElement>(':scope > .qa-pair-side');
      const secondary = details?.querySelector<HTMLElement>(':scope > .qa-pair-side');
      if (!sides || !details || !primary || !secondary) continue;
      details.before(secondary);
      details.append(primary);
      const summary = details.querySelector('summary');
      if (summary) summary.textContent = primary.getAttribute('aria-label');
    }
    swapped = !swapped;
  };

  const apply = (state: Map<string, string>) => {
    const wantSwap = state.get('swap') === '1';
    if (wantSwap !== swapped) swap();
    const shown = state.get('other') !== 'hidden';
    for (const d of list.querySelectorAll<HTMLDetailsElement>('details.qa-pair-other')) d.open = shown;
    otherButton.setAttribute('aria-pressed', String(shown));
    otherButton.textContent = (swapped ? list.dataset.labelA : list.dataset.labelB) ?? otherButton.textContent;
    swapButton.setAttribute('aria-pressed', String(swapped));
  };

  const current = () => ({ other: otherButton.getAttribute('aria-pressed') === 'false' ? 'hidden' : null, swap: swapped ? '1' : null });
  otherButton.addEventListener('click', () => {
    const state = { ...current(), other: otherButton.getAttribute('aria-pressed') === 'true' ? 'hidden' : null };
    writeState(state);
    apply(new Map(Object.entries(state).filter((e): e is [string, string] => !!e[1])));
  });
  swapButton.addEventListener('click', () => {
    const state = { ...current(), swap: swapped ? null : '1' };
    writeState(state);
    apply(new Map(Object.entries(state).filter((e): e is [string, string] => !!e[1])));
  });
  onState(apply);
}
