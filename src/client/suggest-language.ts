/**
 * Suggests the language of the visitor's browser on the chooser: marks the matching link and names it at
 * the top, in that language. Never redirects: the visitor may read another language on purpose.
 * Browser only.
 */
export function pickLanguage(wanted: readonly string[], available: readonly string[]): string | null {
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    const exact = available.find((a) => a.toLowerCase() === lower);
    if (exact) return exact;
    const lang = lower.split('-')[0];
    const sameLanguage = available.find((a) => a.toLowerCase().split('-')[0] === lang);
    if (sameLanguage) return sameLanguage;
  }
  return null;
}

export function suggestLanguage(links: NodeListOf<HTMLAnchorElement>, slot: Element | null): void {
  const all = [...links];
  const pick = pickLanguage(navigator.languages ?? [navigator.language], all.map((a) => a.hreflang));
  const link = all.find((a) => a.hreflang === pick);
  if (!link || !slot) return;
  link.classList.add('suggested');
  const copy = link.cloneNode(false) as HTMLAnchorElement;
  copy.classList.remove('suggested');
  copy.textContent = link.querySelector('.chooser-language')?.textContent ?? link.textContent;
  const note = document.createElement('span');
  note.lang = link.lang;
  note.textContent = `${link.dataset.suggested ?? ''}: `;
  slot.replaceChildren(note, copy);
}
