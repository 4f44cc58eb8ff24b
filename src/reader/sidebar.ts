/**
 * The docs navigation of a reader page, as HTML: the sidebar (the page's TOC tree, groups as
 * disclosures, the groups on the way to the current page open and the page marked `aria-current`),
 * the breadcrumbs and the previous/next links. Built as strings, not components: a thousand-page site
 * renders its tree on every page. A large tree is pruned around the page (`FULL_SIDEBAR_MAX_ENTRIES`).
 * Works without JavaScript. Pure.
 */
import { escapeHtml } from '../site/escape-html.ts';
import type { PlaceInNav, TocItem } from '../site/toc.ts';

export interface NavLabels {
  pages: string;
  breadcrumbs: string;
  pagination: string;
  previous: string;
  next: string;
}

export interface NavRender {
  /** Site URL of a page of this locale (or null when the locale lacks it: the entry is then a label). */
  hrefOf: (docId: string) => string | null;
  /** The name shown for an entry, and its language when it is not the page's (English pages show English titles). */
  nameOf: (item: TocItem) => { text: string; lang?: string };
  /** Whether this locale shows the page in English (its translation is missing), and the word that says so. */
  fallbackOf?: (docId: string) => boolean;
  fallbackLabel?: string;
}

const label = (item: TocItem, render: NavRender) => {
  const { text, lang } = render.nameOf(item);
  return lang ? `<span lang="${escapeHtml(lang)}">${escapeHtml(text)}</span>` : escapeHtml(text);
};

/** Where an entry leads: its page in this locale (with the entry's anchor), its external URL, or nowhere. */
function hrefOf(item: TocItem, render: NavRender): string | null {
  const href = item.docId ? render.hrefOf(item.docId) : (item.url ?? null);
  return href && item.docId && item.hash ? `${href}#${encodeURI(item.hash)}` : href;
}

/** `here`: what marks the link as the current page (` aria-current="page"`, a template's token, or nothing). */
function link(item: TocItem, render: NavRender, here: (item: TocItem) => string): string {
  const full = hrefOf(item, render);
  if (!full) return `<span class="nav-label">${label(item, render)}</span>`;
  const fallback = item.docId && render.fallbackOf?.(item.docId) ? ` <span class="nav-fallback">(${escapeHtml(render.fallbackLabel ?? 'English')})</span>` : '';
  return `<a href="${escapeHtml(full)}"${here(item)}${item.url ? ' rel="external"' : ''}${fallback ? ' hreflang="en"' : ''}>${label(item, render)}${fallback}</a>`;
}

const CURRENT = ' aria-current="page"';
const nowhere = () => '';
/** An entry is the current page where it leads to it without an anchor. */
const isCurrent = (item: TocItem, current: string | null) => item.docId !== undefined && item.docId === current && !item.hash;

const contains = (item: TocItem, docId: string | null): boolean => docId !== null && (item.docId === docId || item.children.some((c) => contains(c, docId)));

/** How one page sees the tree: which groups hold it (they are open), and how a link is marked current. */
interface Marks {
  onPath: (item: TocItem) => boolean;
  here: (item: TocItem) => string;
}

/**
 * Entries a sidebar lists in full. Past this the tree is pruned on each page (see `list`): a repo's TOC
 * of a thousand entries on every page was most of each page's bytes and of the site's render and search
 * time (on the nl-NL slice's 558-entry TOC, 55 of a page's 83 KB).
 */
export const FULL_SIDEBAR_MAX_ENTRIES = 150;

const entryCounts = new WeakMap<readonly TocItem[], number>();
function entries(items: readonly TocItem[]): number {
  let n = entryCounts.get(items);
  if (n === undefined) entryCounts.set(items, (n = items.reduce((sum, i) => sum + 1 + entries(i.children), 0)));
  return n;
}

/** The first page a group leads to: its own, else its first entry's, in reading order. */
function firstHref(item: TocItem, render: NavRender): string | null {
  const own = hrefOf(item, render);
  if (own) return own;
  for (const child of item.children) {
    const href = firstHref(child, render);
    if (href) return href;
  }
  return null;
}

/** A group shown by name only (a pruned sidebar): a link to its first page, where it is open. */
function groupLink(item: TocItem, render: NavRender): string {
  const href = firstHref(item, render);
  return href ? `<a class="nav-group" href="${escapeHtml(href)}">${label(item, render)}</a>` : `<span class="nav-label">${label(item, render)}</span>`;
}

/**
 * `full`: every entry. `pruned`: the groups on the way to the current page open with all their entries,
 * other groups closed with their own entries only, and the groups inside those as links to their first
 * page (`shallow`). Either way, without JavaScript.
 */
type Mode = 'full' | 'pruned' | 'shallow';

function list(items: readonly TocItem[], render: NavRender, marks: Marks, mode: Mode): string {
  let html = '<ul>';
  for (const item of items) {
    if (item.children.length === 0) {
      html += `<li>${link(item, render, marks.here)}</li>`;
      continue;
    }
    if (mode === 'shallow') {
      html += `<li>${groupLink(item, render)}</li>`;
      continue;
    }
    // A group is a disclosure with its name; its own page, when it has one, is its first entry.
    const onPath = marks.onPath(item);
    const own = item.docId || item.url ? `<li>${link(item, render, marks.here)}</li>` : '';
    const inner = list(item.children, render, marks, mode === 'full' ? 'full' : onPath ? 'pruned' : 'shallow');
    html += `<li><details${onPath ? ' open' : ''}><summary>${label(item, render)}</summary><ul>${own}${inner.slice(4, -5)}</ul></details></li>`;
  }
  return `${html}</ul>`;
}

const modeOf = (items: readonly TocItem[], maxFull: number): Mode => (entries(items) <= maxFull ? 'full' : 'pruned');
const nav = (labels: NavLabels, inner: string) => `<nav class="sidebar" aria-label="${escapeHtml(labels.pages)}" data-pagefind-ignore>${inner}</nav>`;

/** The sidebar: the whole tree (pruned around the current page past `maxFull` entries), the current page marked. */
export function sidebarHtml(items: readonly TocItem[], render: NavRender, current: string | null, labels: NavLabels, maxFull = FULL_SIDEBAR_MAX_ENTRIES): string {
  const marks: Marks = { onPath: (item) => contains(item, current), here: (item) => (isCurrent(item, current) ? CURRENT : '') };
  return nav(labels, list(items, render, marks, modeOf(items, maxFull)));
}

/** Groups that hold `docId` anywhere below them, in tree order (the groups its sidebar opens). */
function groupsHolding(items: readonly TocItem[], docId: string | null, out: TocItem[] = []): TocItem[] {
  for (const item of items) {
    if (item.children.length > 0 && contains(item, docId)) {
      out.push(item);
      groupsHolding(item.children, docId, out);
    }
  }
  return out;
}

/** Templates kept per cache at most (one per set of open groups: a tree's groups, at most). */
const MAX_TEMPLATES = 512;
/**
 * A token's ends are control characters below U+0100, not private-use ones: V8 keeps a string with any
 * character past U+00FF in two bytes a character, and the pages filled from a template (and everything
 * built on them) would take twice the memory. The nonce keeps a source's text from ever being one.
 */
const NONCE = Math.random().toString(36).slice(2, 10);
const MARK = new RegExp(`\u0001${NONCE}:(\\d+)\u0002`, 'g');

/**
 * The sidebars of one tree for the pages of one locale (one `render` and `labels` for all of them).
 * A sidebar depends on the page only through the groups that hold it (open) and the mark on its own
 * links: pages under the same groups share one rendering, a template with a token where a link may be
 * marked current, filled per page. A large repo's TOC (hundreds of entries in an open group) was most of
 * each page's render time. The same HTML as `sidebarHtml`, byte for byte (a test holds it to that).
 */
export class SidebarCache {
  private readonly templates = new Map<string, { html: string; docIds: string[] }>();
  private readonly numbers = new WeakMap<TocItem, number>();
  private counted = 0;

  private readonly items: readonly TocItem[];
  private readonly render: NavRender;
  private readonly labels: NavLabels;
  private readonly maxFull: number;

  constructor(items: readonly TocItem[], render: NavRender, labels: NavLabels, maxFull = FULL_SIDEBAR_MAX_ENTRIES) {
    this.items = items;
    this.render = render;
    this.labels = labels;
    this.maxFull = maxFull;
  }

  private numberOf(item: TocItem): number {
    let n = this.numbers.get(item);
    if (n === undefined) this.numbers.set(item, (n = this.counted++));
    return n;
  }

  html(current: string | null): string {
    const open = groupsHolding(this.items, current);
    const key = open.map((g) => this.numberOf(g)).join(',');
    let template = this.templates.get(key);
    if (!template) {
      const openSet = new Set(open);
      const docIds: string[] = [];
      const marks: Marks = {
        onPath: (item) => openSet.has(item),
        here: (item) => (item.docId !== undefined && !item.hash ? `\u0001${NONCE}:${docIds.push(item.docId) - 1}\u0002` : ''),
      };
      if (this.templates.size >= MAX_TEMPLATES) this.templates.clear();
      template = { html: nav(this.labels, list(this.items, this.render, marks, modeOf(this.items, this.maxFull))), docIds };
      this.templates.set(key, template);
    }
    const { docIds } = template;
    return template.html.replace(MARK, (_, i: string) => (docIds[Number(i)] === current ? CURRENT : ''));
  }
}

/** The breadcrumbs: the groups on the way to the page (linked where they have a page), then the page. */
export function breadcrumbsHtml(place: PlaceInNav, render: NavRender, labels: NavLabels): string {
  const steps = place.trail.map((item) => `<li>${item.docId || item.url ? link(item, render, nowhere) : `<span>${label(item, render)}</span>`}</li>`);
  steps.push(`<li><span aria-current="page">${label(place.current, render)}</span></li>`);
  return `<nav class="breadcrumbs" aria-label="${escapeHtml(labels.breadcrumbs)}" data-pagefind-ignore><ol>${steps.join('')}</ol></nav>`;
}

/** Previous and next page in the TOC's reading order (pages this locale has). */
export function paginationHtml(place: PlaceInNav, render: NavRender, labels: NavLabels): string {
  const side = (item: TocItem | null, rel: 'prev' | 'next') => {
    const href = item?.docId ? render.hrefOf(item.docId) : null;
    if (!item || !href) return '';
    const word = rel === 'prev' ? labels.previous : labels.next;
    return `<a class="pagination-${rel}" rel="${rel}" href="${escapeHtml(href)}"><span class="pagination-word">${escapeHtml(word)}</span> <span class="pagination-title">${label(item, render)}</span></a>`;
  };
  const inner = side(place.previous, 'prev') + side(place.next, 'next');
  return inner ? `<nav class="pagination" aria-label="${escapeHtml(labels.pagination)}" data-pagefind-ignore>${inner}</nav>` : '';
}
