/**
 * The "original text" toggle button (shown instead of the plain link when scripts run) swaps every aligned block's text for its
 * English (from the disclosure right after it) and back. The element stays (a heading keeps its id, so
 * anchors and the table of contents still work) and gets `lang="en"`. The choice is remembered across
 * pages. Browser only.
 */
const KEY = 'mt-docs-original';

interface Swap {
  block: HTMLElement;
  details: HTMLDetailsElement;
  translation: string;
  english: string;
  lang: string | null;
}

export function enhanceOriginalTextSwitch(button: HTMLButtonElement | null, article: Element | null): void {
  if (!button || !article) return;
  const swaps: Swap[] = [];
  for (const details of article.querySelectorAll<HTMLDetailsElement>('details.source-text.aligned')) {
    const block = details.previousElementSibling as HTMLElement | null;
    const english = details.querySelector('.source-body > p');
    if (!block || !english) continue;
    // The translation as it reads, without the permalink (put back after each swap).
    const own = block.cloneNode(true) as HTMLElement;
    own.querySelector(':scope > a.heading-link')?.remove();
    swaps.push({ block, details, translation: own.innerHTML, english: english.innerHTML, lang: block.getAttribute('lang') });
  }
  // Passages with no English stay translated in the English view: the page says how many, and marks them.
  const partial = document.querySelector<HTMLElement>('.original-partial');
  const untranslated = article.querySelectorAll('[data-no-english]').length;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const apply = (on: boolean) => {
    if (partial) {
      const template = (plural.select(untranslated) === 'one' ? partial.dataset.one : partial.dataset.other) ?? '';
      partial.textContent = on && untranslated > 0 ? template.replace('{{count}}', String(untranslated)).replace('{{language}}', partial.dataset.language ?? '') : '';
    }
    for (const s of swaps) {
      // A heading keeps its permalink (it is the page's, not the text's).
      const link = s.block.querySelector(':scope > a.heading-link');
      s.block.innerHTML = on ? s.english : s.translation;
      if (link && !s.block.querySelector(':scope > a.heading-link')) s.block.append(link);
      if (on) s.block.setAttribute('lang', 'en');
      else if (s.lang) s.block.setAttribute('lang', s.lang);
      else s.block.removeAttribute('lang');
      s.details.hidden = on;
    }
    button.setAttribute('aria-pressed', String(on));
    document.documentElement.dataset.original = on ? 'on' : 'off';
  };
  apply(document.documentElement.dataset.original === 'on');
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    apply(on);
    try {
      localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  });
}
