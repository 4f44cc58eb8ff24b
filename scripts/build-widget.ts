/**
 * Builds the embeddable User-Agent builder for other sites into `<outDir>/embed/ua-builder/v1/`:
 * `mde-ua-builder.js` (the standalone ES module: element, English, snippets), `frame.js` (the iframe
 * page's postMessage bridge) and one small chunk per language part, loaded on demand. Called by
 * scripts/build.ts after Astro has built the site; the iframe page itself is an Astro page.
 *
 * Output must be deterministic (same sources, same bytes and file names: content hashes, no dates)
 * and within the spec's budgets, which tests/unit/widget/budgets.test.ts measures on these files.
 *
 * Locale chunks are generated here rather than by esbuild's glob imports so that (1) English stays in
 * the main file instead of becoming a shared chunk, (2) each chunk is named after its language, and
 * (3) a language's `widget` strings ship without their keys, one per line in English key order: on a
 * 0.8 KB budget per language, the keys alone would cost a third.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(import.meta.dirname, '..');
export const WIDGET_PATH = 'embed/ua-builder/v1';

type LocaleFile = { widget: Record<string, string>; checker: Record<string, string> };

/** Every `locales/<lang>/ua.json`: the languages are whatever folders hold one (data, not code). */
function readLocales(localesDir: string): Map<string, LocaleFile> {
  const locales = new Map<string, LocaleFile>();
  for (const lang of readdirSync(localesDir).sort()) {
    const path = join(localesDir, lang, 'ua.json');
    try {
      locales.set(lang, JSON.parse(readFileSync(path, 'utf8')) as LocaleFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${path}: ${(error as Error).message}`);
    }
  }
  if (!locales.has('en')) throw new Error(`${localesDir}/en/ua.json is missing: English is the widget's fallback`);
  return locales;
}

/** A language's `widget` strings as lines in English key order; an empty line for a missing string. */
function widgetLines(lang: string, strings: Record<string, string>, englishKeys: string[]): string {
  return englishKeys
    .map((key) => {
      const value = strings[key] ?? '';
      if (/[\r\n]/.test(value)) throw new Error(`locales/${lang}/ua.json: widget.${key} must be one line`);
      return value;
    })
    .join('\n');
}

function localeChunks(localesDir: string): esbuild.Plugin {
  const locales = readLocales(localesDir);
  const englishKeys = Object.keys(locales.get('en')!.widget);
  const loaders = (part: 'widget' | 'checker') =>
    [...locales.keys()]
      .filter((lang) => part === 'checker' || lang !== 'en')
      .map((lang) => `${JSON.stringify(lang)}: () => import("mde-ua-locale:${part === 'widget' ? lang : `${lang}-checker`}")`)
      .join(',\n');
  // Same contract as src/widget/locale-import.ts: the module's default export, undefined when unknown.
  const seam = `
const loaders = {
  widget: {${loaders('widget')}},
  checker: {${loaders('checker')}},
};
export function importLocale(lang, part) {
  const load = Object.hasOwn(loaders[part], lang) ? loaders[part][lang] : undefined;
  return load?.().then((module) => module.default);
}`;
  return {
    name: 'mde-ua-locale-chunks',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]widget[\\/]locale-import\.ts$/ }, () => ({ contents: seam, loader: 'js' }));
      build.onResolve({ filter: /^mde-ua-locale:/ }, ({ path }) => ({ path: path.slice('mde-ua-locale:'.length), namespace: 'mde-ua-locale' }));
      build.onLoad({ filter: /.*/, namespace: 'mde-ua-locale' }, ({ path }) => {
        const checker = path.endsWith('-checker');
        const lang = checker ? path.slice(0, -'-checker'.length) : path;
        const file = locales.get(lang)!;
        const data = checker ? file.checker : widgetLines(lang, file.widget, englishKeys);
        return { contents: `export default ${JSON.stringify(data)};`, loader: 'js' };
      });
      // English `widget` is imported statically; only its own part of the JSON is wanted in the bundle.
      build.onLoad({ filter: /[\\/]locales[\\/]en[\\/]ua\.json$/ }, () => ({
        contents: JSON.stringify({ widget: locales.get('en')!.widget }),
        loader: 'json',
      }));
    },
  };
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  // Private fields and static blocks run natively (every browser with custom elements v1 and
  // light-dark() has them); lowering them would cost bytes.
  target: 'es2022',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
} satisfies esbuild.BuildOptions;

/**
 * The parser as one self-contained file, `parser-<hash>.js`, which load-parser.ts is replaced to load.
 * A separate build on purpose: in the main build, esbuild would move the core code both use into a
 * shared chunk, and the element would need two files before it could show anything.
 */
async function buildParser(dir: string): Promise<string> {
  const { outputFiles } = await esbuild.build({
    ...common,
    stdin: { contents: `export { parseUserAgent } from './src/ua/parse.ts';`, resolveDir: root, loader: 'ts' },
    write: false,
  });
  const code = outputFiles[0]!.contents;
  const name = `parser-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), code);
  return name;
}

function parserSeam(file: string): esbuild.Plugin {
  return {
    name: 'mde-ua-parser',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]widget[\\/]load-parser\.ts$/ }, () => ({
        contents: `export const loadParser = () => import("./${file}").then((module) => module.parseUserAgent);`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^\.\/parser-[\w-]+\.js$/ }, ({ path }) => ({ path, external: true }));
    },
  };
}

export async function buildWidget(outDir: string, localesDir = join(root, 'locales')): Promise<void> {
  const dir = join(outDir, WIDGET_PATH);
  const parser = await buildParser(dir);
  await esbuild.build({
    ...common,
    absWorkingDir: root,
    entryPoints: { 'mde-ua-builder': 'src/widget/register.ts', frame: 'src/widget/iframe-bridge.ts' },
    outdir: dir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    splitting: true,
    plugins: [localeChunks(localesDir), parserSeam(parser)],
  });
}
