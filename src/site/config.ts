/**
 * `mt-docs.config.json`, the one file a docs team edits: where the site is published, where links to
 * pages outside it go, where the sources are (one folder per document, or one DocFX repo per locale),
 * which locales to build, whether the translator workbench is published.
 *
 * Validated with zod (strict: an unknown key is an error, as a typo would otherwise be ignored); every
 * problem is reported at the line and column of the key in the file. The JSON Schema shipped for
 * editors (`schema/mt-docs.config.schema.json`) is generated from the same schema
 * (`npm run schema`; a test keeps the shipped file equal to it).
 */
import { isAbsolute, resolve } from 'node:path';
import { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { report } from '../pipeline/diagnostics.ts';
import { readSourceFile } from './safe-paths.ts';

export const CONFIG_FILE = 'mt-docs.config.json';

const folderList = z.array(z.string().min(1)).min(1);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    title: z
      .union([z.string().trim().min(1), z.record(z.string().min(2), z.string().trim().min(1))])
      .optional()
      .describe(
        'The site\'s name, in every page\'s header and on the language chooser: one text for every language, or one per language keyed by language or locale ("en", "fr", "pt-BR"); a language without one uses "en", else the UI strings\' default.',
      ),
    siteUrl: z.url().describe('Where the site is published: canonical links, the sitemap and robots.txt use it.'),
    upstream: z
      .strictObject({
        base: z
          .string()
          .includes('{locale}')
          .describe('The published docs site the sources come from, with {locale} for the language (e.g. "https://learn.microsoft.com/{locale}/microsoft-365/"): links to pages that are not in this site go there.'),
      })
      .describe('The upstream docs site.'),
    sources: z
      .union([
        z.strictObject({
          folders: z
            .string()
            .min(1)
            .describe('A folder with one folder per document, each holding one Markdown file per locale (<doc>/<locale>.md); relative to this file.'),
        }),
        z.strictObject({
          docfx: folderList.describe(
            'DocFX projects, one per locale (each a folder with docfx.json; the English original is the one whose pages have no ms.contentlocale); relative to this file. A page is identified by its path inside its project, the same in every locale.',
          ),
        }),
      ])
      .default({ folders: 'source' })
      .describe('Where the pages are.'),
    locales: z
      .array(z.string().min(2))
      .min(1)
      .optional()
      .describe('Build only these locales (BCP 47, as in ms.contentlocale); default: every locale the sources have.'),
    docs: z
      .record(z.string(), z.strictObject({ upstreamPath: z.string().optional().describe("The page's path on the upstream site, for links to it.") }))
      .default({})
      .describe('Per document (by id): where it is published upstream.'),
    translatorPages: z.boolean().default(true).describe('Publish the translator workbench (/<lang>/translators/) with the site.'),
    followSymlinks: z
      .boolean()
      .default(false)
      .describe('Follow symbolic links among the sources and includes when their target stays inside the sources folder. Off by default: a hand-off is data from outside.'),
    keepGoing: z
      .boolean()
      .default(false)
      .describe('Build every good page, leave a broken one out with its errors listed, and exit 1 (also --keep-going).'),
  })
  .describe('mt-docs site configuration');

export type SiteConfig = z.output<typeof configSchema>;

/**
 * The config's `title` put into the UI strings (`site.title`) of every language the site has strings for,
 * so every page, the header and the chooser name the team's site rather than the default.
 */
export function applySiteTitle(config: SiteConfig, resources: Record<string, Record<string, Record<string, unknown>>>): void {
  if (!config.title) return;
  const titles = typeof config.title === 'string' ? null : new Map(Object.entries(config.title).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [lang, namespaces] of Object.entries(resources)) {
    const title = titles ? (titles.get(lang.toLowerCase()) ?? [...titles].find(([k]) => k.split('-')[0] === lang.toLowerCase())?.[1] ?? titles.get('en')) : (config.title as string);
    if (title === undefined) continue;
    const ui = (namespaces.ui ??= {});
    ui.site = { ...(ui.site as Record<string, unknown> | undefined), title };
  }
}

/** The DocFX projects the site is built from, or null for the folders layout. */
export const docfxProjects = (config: SiteConfig): string[] | null => ('docfx' in config.sources ? config.sources.docfx : null);

/** The JSON Schema of the configuration (what `schema/mt-docs.config.schema.json` holds). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://mt-docs.dev/schema/mt-docs.config.schema.json',
    title: 'mt-docs.config.json',
  };
}

/** Line and column of the node at `path` in the parsed file (its key, for a missing or unknown member). */
function placeOf(text: string, path: PropertyKey[], key?: string): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  let node: YamlNode | null = doc.contents as YamlNode | null;
  let offset = node?.range?.[0] ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (const step of steps) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
    if (!pair) break;
    offset = (pair.key as YamlNode).range?.[0] ?? offset;
    node = pair.value as YamlNode | null;
    if (step !== steps.at(-1) && node?.range) offset = node.range[0];
  }
  const at = lines.linePos(offset);
  return { line: at.line, column: at.col };
}

/**
 * The text with its `//` and `/* … *\/` comments (outside strings) blanked to spaces, so JSON.parse reads
 * it and every line and column stays where it was: the config is JSON with comments, like tsconfig.json.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/**
 * JSON.parse, or the problem and where it is: V8 says the position for some mistakes only, so the
 * line and column come from its message or, failing that, from a position-tracking parse of the text.
 */
export function parseJson(text: string): { value: unknown } | { problem: string; place: { line: number; column: number } } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    let place = { line: 1, column: 1 };
    if (lc) place = { line: Number(lc[1]), column: Number(lc[2]) };
    else {
      let offset = pos ? Number(pos[1]) : null;
      if (offset === null) {
        const lines = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lines });
        offset = doc.errors[0]?.pos[0] ?? null;
      }
      if (offset !== null) {
        const before = text.slice(0, offset).split('\n');
        place = { line: before.length, column: before.at(-1)!.length + 1 };
      }
    }
    return { problem: message.replace(/ in JSON at position.*$/, '').replace(/, ".*" is not valid JSON$/s, ''), place };
  }
}

/** Absolute path of a folder named in the config (relative to the config's folder). */
export const configPath = (contentDir: string, path: string) => (isAbsolute(path) ? path : resolve(contentDir, path));

/**
 * The configuration of the content in `contentDir`, or null with errors reported on `file` (whose path
 * is the config file's, so messages name it).
 */
export function readConfig(contentDir: string, file: VFile = new VFile({ path: resolve(contentDir, CONFIG_FILE) })): SiteConfig | null {
  // Read like a source (a regular file, no symlink): the config arrives with the content.
  const read = readSourceFile(contentDir, CONFIG_FILE);
  if (!read.ok) {
    const problem = read.ruleId === 'not-found' ? `no ${CONFIG_FILE} in ${contentDir} (\`mt-docs init\` writes one)` : read.problem;
    report(file, 'error', problem, { line: 1, column: 1 }, 'config');
    return null;
  }
  const text = stripJsonComments(read.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  const json = parseJson(text);
  if ('problem' in json) {
    report(file, 'error', `not valid JSON: ${json.problem}`, json.place, 'config-json');
    return null;
  }
  const parsed = configSchema.safeParse(json.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const where = issue.path.length ? ` in ${issue.path.join('.')}` : '';
          report(file, 'error', `unknown key "${key}"${where} (see schema/${CONFIG_FILE.replace('.json', '.schema.json')})`, placeOf(text, issue.path, key), 'config-key');
        }
        continue;
      }
      report(file, 'error', `${issue.path.join('.') || '(top level)'}: ${issue.message}`, placeOf(text, issue.path), 'config-value');
    }
    return null;
  }
  return parsed.data;
}
