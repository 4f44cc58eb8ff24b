/**
 * The User-Agent parser (spec §4), fetched the first time a value is checked: the builder needs only
 * `buildUserAgent`, and the parser is a fifth of the core, which the element's 8 KB budget cannot
 * carry for a feature many pages never use. Browser-side seam, like locale-import.ts: Vite (the
 * site's pages) splits this dynamic import itself; the standalone build (scripts/build-widget.ts)
 * replaces the module so that it loads a separately built, self-contained parser file.
 */
import type { parseUserAgent } from '../ua/parse.ts';

export const loadParser = (): Promise<typeof parseUserAgent> => import('../ua/parse.ts').then((module) => module.parseUserAgent);
