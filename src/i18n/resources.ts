/**
 * Reads the hand-written UI strings, `locales/<lang>/<namespace>.json`. The I/O edge of i18n: the site
 * build, the CLIs and the tests call it; pages and the widget never read files themselves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** lang → namespace → nested strings. */
export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Resolved from the working directory: bundled page code cannot rely on its own location. */
export const localesDirDefault = () => process.env.MT_DOCS_LOCALES ?? join(process.cwd(), 'locales');

export function loadResources(dir = localesDirDefault()): Resources {
  const resources: Resources = {};
  if (!existsSync(dir)) return resources;
  for (const lang of readdirSync(dir, { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(dir, lang.name))) {
      if (!file.endsWith('.json')) continue;
      const path = join(dir, lang.name, file);
      try {
        namespaces[file.slice(0, -5)] = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${path}: not valid JSON: ${(error as Error).message}`);
      }
    }
    resources[lang.name] = namespaces;
  }
  return resources;
}
