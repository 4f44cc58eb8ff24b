/**
 * The search dialog over Pagefind's JS API. Pagefind (and its index for the page's language) is
 * imported only on first open, so a reader who never searches downloads none of it. Results are built
 * as DOM nodes, excerpts included: index content is never inserted as HTML. Browser only.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string }; sub_results?: PagefindSubResult[] }>;
}
interface Pagefind {
  search: (query: string) => Promise<{ results: PagefindResult[] }>;
  init?: () => Promise<void>;
}

let loading: Promise<Pagefind> | undefined;
const PAGEFIND = '/pagefind/pagefind.js';

function loadPagefind(): Promise<Pagefind> {
  loading ??= import(/* @vite-ignore */ PAGEFIND).then(async (m: Pagefind) => {
    await m.init?.();
    return m;
  });
  return loading;
}

/** Pagefind marks hits with <mark>; rebuild that as nodes from the text alone. */
function excerptNodes(excerpt: string): Node[] {
  const parts = excerpt.split(/<\/?mark>/);
  // Decoded as a body's text: parsed as a whole document, the text around a hit would lose its leading
  // space ("파트너 자격" shown as "파트너자격").
  const decode = (s: string) => new DOMParser().parseFromString(`<!doctype html><body>${s}`, 'text/html').body.textContent ?? '';
  return parts.map((part, i) => {
    const text = document.createTextNode(decode(part.replace(/<[^>]*>/g, '')));
    if (i % 2 === 0) return text;
    const mark = document.createElement('mark');
    mark.append(text);
    return mark;
  });
}

export function enhanceSearch(open: HTMLButtonElement | null, dialog: HTMLDialogElement | null): void {
  if (!open || !dialog) return;
  const input = dialog.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const list = dialog.querySelector<HTMLOListElement>('.search-results')!;
  const plural = new Intl.PluralRules(dialog.dataset.lang);
  const say = (template: string | undefined, values: Record<string, string | number>) =>
    (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  // `/` (outside a field) and Ctrl+K or ⌘K open search from anywhere on the page.
  addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], mde-ua-builder');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    if ((slash || k) && !dialog.open) {
      event.preventDefault();
      open.click();
    }
  });

  open.addEventListener('click', () => {
    dialog.showModal();
    input.focus();
    status.textContent = dialog.dataset.loading ?? '';
    loadPagefind().then(
      () => (status.textContent = ''),
      () => (status.textContent = dialog.dataset.failed ?? ''),
    );
  });
  dialog.querySelector('.search-close')!.addEventListener('click', () => dialog.close());
  // Escape closes the dialog at once (a search field would otherwise spend it on clearing itself).
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.addEventListener('close', () => open.focus());

  const run = async (query: string) => {
    const ticket = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const pagefind = await loadPagefind();
      const found = await pagefind.search(query);
      const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(
        ...data.map((d) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = d.url;
          a.textContent = d.meta.title ?? d.url;
          const p = document.createElement('p');
          p.append(...excerptNodes(d.excerpt));
          li.append(a, p);
          // The sections where the words are (Pagefind's sub-results, by heading id), most hits first:
          // a query for a term leads to its section, not only to the page.
          const sections = (d.sub_results ?? [])
            .filter((s) => s.url !== d.url && s.url.includes('#'))
            .sort((x, y) => (y.locations?.length ?? 0) - (x.locations?.length ?? 0))
            .slice(0, 3);
          if (sections.length > 0) {
            const sub = document.createElement('ul');
            sub.className = 'search-sections';
            for (const s of sections) {
              const item = document.createElement('li');
              const link = document.createElement('a');
              link.href = s.url;
              link.textContent = s.title;
              const excerpt = document.createElement('p');
              excerpt.append(...excerptNodes(s.excerpt));
              item.append(link, excerpt);
              sub.append(item);
            }
            li.append(sub);
          }
          return li;
        }),
      );
      const count = found.results.length;
      // The index is the page language's: the status says which.
      const said = count === 0 ? say(dialog.dataset.noResults, { query }) : say(plural.select(count) === 'one' ? dialog.dataset.resultsOne : dialog.dataset.resultsOther, { count });
      status.textContent = dialog.dataset.language ? `${said} (${dialog.dataset.language})` : said;
    } catch {
      status.textContent = dialog.dataset.failed ?? '';
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 200);
  });
}
