/**
 * How the English behind each block is offered: `off` (hidden, the default), `blocks` (a disclosure
 * under each paragraph, as without script) or `side` (each block beside its English on wide screens,
 * under it on a phone). The choice is `<html data-english>` (theme-init.js applies it before the first
 * paint) and is remembered across pages. Browser only.
 */
export const ENGLISH_MODE_KEY = 'mt-docs-english';
export type EnglishMode = 'off' | 'blocks' | 'side';

const isMode = (v: unknown): v is EnglishMode => v === 'off' || v === 'blocks' || v === 'side';

/** Side by side: each aligned block and its English in one pair, the English shown. */
function pairUp(article: Element, on: boolean): void {
  for (const details of article.querySelectorAll<HTMLDetailsElement>('details.source-text.aligned')) {
    const block = details.previousElementSibling;
    const paired = details.parentElement?.classList.contains('bi-pair');
    if (on && block && !paired) {
      const pair = document.createElement('div');
      pair.className = 'bi-pair';
      block.before(pair);
      pair.append(block, details);
      details.open = true;
    } else if (!on && paired) {
      const pair = details.parentElement!;
      pair.replaceWith(...pair.childNodes);
      details.open = false;
    }
  }
}

export function enhanceEnglishMode(fieldset: HTMLFieldSetElement | null, article: Element | null): void {
  if (!fieldset || !article) return;
  const root = document.documentElement;
  const apply = (mode: EnglishMode) => {
    root.dataset.english = mode;
    pairUp(article, mode === 'side');
    for (const input of fieldset.querySelectorAll<HTMLInputElement>('input[name="english-mode"]')) input.checked = input.value === mode;
  };
  apply(isMode(root.dataset.english) ? root.dataset.english : 'off');
  fieldset.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value;
    if (!isMode(value)) return;
    apply(value);
    try {
      localStorage.setItem(ENGLISH_MODE_KEY, value);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  });
}
