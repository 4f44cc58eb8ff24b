/**
 * `mt-docs init [DIR] [--force] [--json]`: looks at DIR (default: the working directory) and writes a
 * starter mt-docs.config.json there, commented (the file is JSON with comments), with what it found:
 * DocFX projects (folders holding docfx.json, DIR itself or up to two levels below it, the locale each
 * one's pages name), or a folder of one folder per document. Never overwrites without --force.
 */
import './terminal-colour.ts';
import { argumentProblem } from './command-line.ts';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { frontMatterLocale } from '../src/pipeline/front-matter.ts';
import { CONFIG_FILE } from '../src/site/config.ts';
import { projectFiles, readDocfxProject } from '../src/site/docfx.ts';
import { VFile } from 'vfile';
import { diagnosticLines } from '../src/pipeline/diagnostics.ts';

const USAGE = `usage: mt-docs init [DIR] [--force] [--json]

  DIR        the folder to set up (default: the working directory)
  --force    replace an existing ${CONFIG_FILE}
  --json     print what was found and written as JSON
  -h, --help this text

example: cd my-docs && npx mt-docs init && npx mt-docs build
exit: 0 written, 1 nothing to build found or the file exists, 2 usage error`;

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
} catch (error) {
  console.error(`${argumentProblem(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.positionals.length > 1) {
  console.error(`one folder only\n\n${USAGE}`);
  process.exit(2);
}
const dir = resolve(parsed.positionals[0] ?? '.');
if (!existsSync(dir)) {
  console.error(`${dir} does not exist`);
  process.exit(1);
}
const target = join(dir, CONFIG_FILE);
if (existsSync(target) && !parsed.values.force) {
  console.error(`${target} exists; --force replaces it`);
  process.exit(1);
}

const subfolders = (d: string) => {
  try {
    return readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules').map((e) => join(d, e.name)).sort();
  } catch {
    return [];
  }
};
/** Folders holding docfx.json: DIR, its children, their children. */
const candidates = [dir, ...subfolders(dir), ...subfolders(dir).flatMap(subfolders)];
/** docfx.json files that could not be read, with why (said, so that a broken one is not "no project"). */
const broken: VFile[] = [];
const projects = candidates.filter((d) => existsSync(join(d, 'docfx.json'))).flatMap((root) => {
  const file = new VFile({ path: relative(process.cwd(), join(root, 'docfx.json')) || join(root, 'docfx.json') });
  const project = readDocfxProject(root, file, {}, file);
  if (!project) {
    broken.push(file);
    return [];
  }
  const files = projectFiles(project);
  const counts = new Map<string, number>();
  for (const page of files.pages.slice(0, 200)) {
    let locale: string | null = null;
    try {
      locale = frontMatterLocale(readFileSync(join(root, page.rel), 'utf8').slice(0, 8192));
    } catch {
      /* unreadable: the build will say so */
    }
    counts.set(locale ?? '(none: the English original)', (counts.get(locale ?? '(none: the English original)') ?? 0) + 1);
  }
  const locale = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
  return [{ path: relative(dir, root) || '.', pages: files.pages.length, tocs: files.tocs.length, locale }];
});
const folders = !projects.length && existsSync(join(dir, 'source')) ? subfolders(join(dir, 'source')).length : 0;
for (const line of diagnosticLines(broken)) console.error(line);
if (projects.length === 0 && folders === 0) {
  console.error(`no DocFX project (a folder with docfx.json) in ${dir} or two levels below it, and no source/ folder of documents: nothing to build`);
  process.exit(1);
}

const sources = projects.length
  ? `  // The DocFX projects found, one per locale (the locale their pages name): ${projects.map((p) => `${p.path} ${p.locale}, ${p.pages} pages`).join('; ')}.
  "sources": { "docfx": [${projects.map((p) => JSON.stringify(p.path)).join(', ')}] },`
  : `  // One folder per document under source/, one <locale>.md in each (${folders} documents found).
  "sources": { "folders": "source" },`;

/** What the projects' docfx.json say in `build.globalMetadata` (the first that parses). */
const globalMetadata: Record<string, unknown> =
  candidates
    .filter((d) => existsSync(join(d, 'docfx.json')))
    .map((d) => {
      try {
        return (JSON.parse(readFileSync(join(d, 'docfx.json'), 'utf8').replace(/^\uFEFF/, '')) as { build?: { globalMetadata?: Record<string, unknown> } }).build?.globalMetadata ?? {};
      } catch {
        return null;
      }
    })
    .find((m) => m !== null) ?? {};
/** A name for the site: DocFX's own (`_appTitle`, `titleSuffix`) when a project gives one, else the folder's. */
const appTitle = [globalMetadata._appTitle, globalMetadata.titleSuffix].find((v): v is string => typeof v === 'string' && v.trim() !== '');
/**
 * The docs set on the published site: a Microsoft Learn repo's breadcrumb path names it
 * (`/microsoft-365/breadcrumb/toc.json`); relative links resolve from there, root paths from the locale.
 */
const docset = typeof globalMetadata.breadcrumb_path === 'string' ? /^\/([A-Za-z0-9._-]+)\//.exec(globalMetadata.breadcrumb_path)?.[1] : undefined;
const upstreamBase = `https://learn.microsoft.com/{locale}/${docset ? `${docset}/` : ''}`;
const title = appTitle ?? basename(dir);

const text = `// mt-docs site configuration (JSON with comments). Every key: schema/mt-docs.config.schema.json.
{
  // The site's name in every page's header and on the language chooser: one text, or one per language ({ "en": "…", "nl": "…" }).
  "title": ${JSON.stringify(title)},
  // Where the site will be published: canonical links, the sitemap and robots.txt use it.
  "siteUrl": "https://docs.example.org",
  // The published docs set the sources come from; {locale} becomes the page's language (nl-nl).
  // Links to pages that are not in this site go there: a relative link from this docs set's folder,
  // a path from the root (/azure/…) from the locale's root.
  "upstream": { "base": ${JSON.stringify(upstreamBase)} },
${sources}
  // Publish the translator workbench (/<lang>/translators/) with the reader pages.
  "translatorPages": true,
  // Build every good page and list the broken ones instead of stopping at the first (exit 1 still).
  "keepGoing": false
}
`;
writeFileSync(target, text);
if (parsed.values.json) console.log(JSON.stringify({ written: target, projects, documentFolders: folders }));
else {
  console.error(`wrote ${target}`);
  for (const p of projects) console.error(`  DocFX project ${p.path}: ${p.pages} pages, ${p.tocs} TOC file${p.tocs === 1 ? '' : 's'}, locale ${p.locale}`);
  console.error('next: set siteUrl and upstream.base in it, then run mt-docs build');
}
