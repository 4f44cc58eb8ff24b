/**
 * unified plugins for where links point:
 *
 * - `dropUnsafeUrls`: `javascript:`, `vbscript:` and `data:` URLs (any case, with leading spaces or
 *   control characters) never reach the output: a link becomes its text, an image its alt text.
 * - `rewriteOffsiteLinks`: relative links to pages that are not part of this site
 *   (`partner-applications.md`) point to the published page on the upstream docs site in the page's
 *   locale; links to pages that are, point into the site.
 */
import type { Definition, Image, Link, Parent, Root } from 'mdast';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

/** The scheme of a URL as a browser would read it (leading controls and spaces ignored), lower-cased. */
export function schemeOf(url: string): string | null {
  // Browsers strip leading C0 controls and spaces and ignore tabs/newlines anywhere in the scheme.
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1]!.toLowerCase() : null;
}

const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

export const isUnsafeUrl = (url: string) => UNSAFE_SCHEMES.has(schemeOf(url) ?? '');

export function dropUnsafeUrls() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const target = node as Link | Image | Definition;
      if (!isUnsafeUrl(target.url)) return;
      const scheme = schemeOf(target.url);
      report(file, 'warning', `${scheme}: URL removed from ${node.type} (never allowed in output)`, node, 'unsafe-url');
      const replacement =
        node.type === 'link' ? (node as Link).children : node.type === 'image' && (node as Image).alt ? [{ type: 'text' as const, value: (node as Image).alt! }] : [];
      parent.children.splice(index, 1, ...(replacement as Parent['children']));
      return index;
    });
  };
}

export interface OffsiteOptions {
  /** The locale to link to; defaults to the page's own (`ms.contentlocale`). */
  locale?: string;
  /** Upstream site, `{locale}` replaced by the lower-cased locale: `https://learn.microsoft.com/{locale}/`. */
  upstreamBase: string;
  /** Folder of the upstream page, relative to the base, that relative links resolve against. */
  upstreamDir: string;
  /**
   * Pages this site has → their site URL, keyed by upstream path relative to the base, lower-cased
   * (`security/defender-endpoint/partner-applications.md`), or by file name alone
   * (`get-started-partner-integration.md`) for a site whose pages do not keep the upstream folders.
   */
  sitePages?: Record<string, string>;
  /**
   * An image the sources hold: its site URL (the build copies the file there), `missing` when the
   * sources should hold it and do not, null when it is not a file of the sources (it goes upstream).
   */
  localImage?: (path: string) => string | { missing: true } | null;
}

declare module 'mdast' {
  interface LinkData {
    /** Set once the target is rewritten (in an include's own pass), so the page's pass leaves it. */
    rewritten?: boolean;
  }
  interface ImageData {
    rewritten?: boolean;
  }
  interface DefinitionData {
    rewritten?: boolean;
  }
}

const isRelative = (url: string) => schemeOf(url) === null && !url.startsWith('//') && !url.startsWith('#') && url.trim() !== '';

/** The upstream site's locale segment: the page's tag, lower-cased; the bare English source is en-us. */
const upstreamLocale = (locale: string) => (locale === 'en' ? 'en-us' : locale.toLowerCase());

export function rewriteOffsiteLinks(options: OffsiteOptions) {
  return (tree: Root, file: VFile) => {
    const locale = upstreamLocale(options.locale ?? file.data.meta?.locale ?? 'en');
    const base = options.upstreamBase.replace('{locale}', locale);
    // A path from the root (`/azure/…`) is from the published site's locale root, not from the docs set
    // the base may name (`https://learn.microsoft.com/{locale}/microsoft-365/`): as the site resolves it.
    const at = options.upstreamBase.indexOf('{locale}');
    const localeRoot = at >= 0 ? `${options.upstreamBase.slice(0, at)}${locale}/` : base;
    const dirUrl = new URL(options.upstreamDir.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`);
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const target = node as Link | Image | Definition;
      // An include's links were rewritten where it was expanded: the page's pass leaves them alone.
      if (!isRelative(target.url) || target.data?.rewritten) return;
      const m = /^([^?#]*)([?#].*)?$/.exec(target.url.trim())!;
      const path = m[1]!;
      const rest = m[2] ?? '';
      const done = (url: string) => {
        target.url = url;
        target.data = { ...target.data, rewritten: true };
      };
      const local = node.type === 'image' && !path.startsWith('/') ? options.localImage?.(path) : null;
      if (typeof local === 'string') {
        done(local);
        return;
      }
      if (local && parent && index !== undefined) {
        // Its file is not in the sources: the reader gets what the image showed, in words.
        const alt = (node as Image).alt ?? '';
        report(file, 'warning', `image ${path} is not in the sources${alt ? `; its alt text "${alt}" is shown instead` : ' (and it has no alt text)'}`, node, 'image-missing');
        parent.children.splice(index, 1, ...(alt ? [{ type: 'emphasis' as const, children: [{ type: 'text' as const, value: `[${alt}]` }] }] : []));
        return index;
      }
      const name = (path.split('/').pop() ?? '').toLowerCase();
      let resolved: URL;
      try {
        resolved = path.startsWith('/') ? new URL(path.replace(/^\/+/, ''), localeRoot) : new URL(path, dirUrl);
      } catch {
        report(file, 'warning', `link target "${target.url}" cannot be resolved; left as it is`, node, 'link-unresolvable');
        return;
      }
      if (node.type !== 'image' && options.sitePages) {
        const basePath = new URL(base.endsWith('/') ? base : `${base}/`).pathname;
        let upstreamRel = resolved.pathname.startsWith(basePath) ? resolved.pathname.slice(basePath.length) : null;
        try {
          upstreamRel = upstreamRel === null ? null : decodeURIComponent(upstreamRel).toLowerCase();
        } catch {
          upstreamRel = null;
        }
        // Published links name a page without its `.md` (`/microsoft-365/security/…/portal-overview`).
        const internal = (upstreamRel !== null ? (options.sitePages[upstreamRel] ?? options.sitePages[`${upstreamRel}.md`]) : undefined) ?? options.sitePages[name];
        if (internal) {
          done(internal + rest);
          return;
        }
      }
      const published = node.type === 'image' ? resolved.href : resolved.href.replace(/\.md$/i, '');
      done(published + rest);
      report(file, 'info', `"${path}" is not part of this site; linked to the published page ${target.url}`, node, 'link-offsite');
    });
  };
}
