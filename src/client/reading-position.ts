/**
 * The reader's place on the page: the sticky header's height as `--header-h` (so headings scrolled to
 * stay clear of it, whatever it wraps to), and "On this page" marking the section in view
 * (`aria-current="location"`). Browser only.
 */

/** The id of the last section heading at or above the reading line (just under the header), or null. */
export function sectionInView(headings: readonly HTMLElement[], line: number): string | null {
  let current: string | null = null;
  for (const h of headings) {
    if (h.getBoundingClientRect().top <= line) current = h.id;
    else break;
  }
  return current;
}

/** How far below the viewport's top the text starts: the sticky header's bottom. */
export const headerBottom = (): number => document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;

export function followReadingPosition(header: HTMLElement | null, toc: HTMLElement | null): void {
  if (header) {
    // A constructable stylesheet, not a style attribute: the pages carry no inline style (strict CSP).
    const sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const measure = () => sheet.replaceSync(`:root { --header-h: ${Math.ceil(header.getBoundingClientRect().height)}px; }`);
    measure();
    new ResizeObserver(measure).observe(header);
  }
  if (!toc) return;
  const links = new Map([...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const headings = [...document.querySelectorAll<HTMLElement>('article :is(h2, h3)[id]')].filter((h) => links.has(h.id));
  if (headings.length === 0) return;
  let shown: string | null = null;
  let queued = false;
  const update = () => {
    queued = false;
    // A section counts as in view once its heading has passed a little under the header.
    const id = sectionInView(headings, headerBottom() + 24) ?? headings[0]!.id;
    if (id === shown) return;
    links.get(shown ?? '')?.removeAttribute('aria-current');
    links.get(id)?.setAttribute('aria-current', 'location');
    shown = id;
  };
  addEventListener(
    'scroll',
    () => {
      if (!queued) {
        queued = true;
        requestAnimationFrame(update);
      }
    },
    { passive: true },
  );
  addEventListener('hashchange', update);
  update();
}
