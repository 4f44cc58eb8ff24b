/**
 * A DocFX project as a hand-off arrives: `docfx.json` says which files are content (`build.content`:
 * `files` globs, `exclude` globs, an optional `src` folder), pages are the `.md` (and hand-off `.txt`)
 * files among them, `TOC.md`/`TOC.yml` are navigation, files under `includes/` are includes (excluded
 * from content by the project, read only when a page includes them), `.yml` landing pages are not
 * Markdown and are said once each.
 *
 * A page's identity is its path inside the project without the extension
 * (`security/defender-endpoint/get-started-partner-integration`): the same in every locale's project,
 * and the page's URL below `/<lang>/`.
 *
 * The walk never follows a symbolic link (unless the site follows those that stay inside), never
 * leaves the project, and stops at limits a hostile tree cannot push past.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join, matchesGlob, posix } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../pipeline/diagnostics.ts';
import { checkSourcePath, readSourceFile, type SymlinkPolicy } from './safe-paths.ts';
import { parseJson } from './config.ts';

/** Files looked at in one project, and folders deep: past these the walk stops with an error. */
export const MAX_PROJECT_FILES = 200_000;
export const MAX_PROJECT_DEPTH = 32;

export interface ContentGroup {
  files: string[];
  exclude: string[];
  src: string;
}

export interface DocfxProject {
  /** The project's folder (where docfx.json is). */
  root: string;
  groups: ContentGroup[];
}

export interface ProjectFiles {
  /** Pages: path inside the project (posix), its id (path without extension). */
  pages: { rel: string; docId: string }[];
  /** TOC.md / TOC.yml files, posix paths inside the project. */
  tocs: string[];
  /** Content files that are not Markdown pages (`index.yml` landing pages, YAML FAQs). */
  otherContent: string[];
  /** What the walk could not look at. */
  skipped: { rel: string; problem: string; ruleId: string }[];
}

const stringList = (value: unknown): string[] | null =>
  typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;

/** `docfx.json` of `root`, or null with the problem reported on `file` at its line. */
/**
 * A DocFX project's docfx.json. A folder without one (or unreadable) is reported in `file` (the config
 * that names the folder); what is wrong inside docfx.json, in `projectFile` (that file, at its line),
 * when given.
 */
export function readDocfxProject(root: string, configFile: VFile, policy: SymlinkPolicy = {}, projectFile: VFile = configFile): DocfxProject | null {
  const file = projectFile;
  const read = readSourceFile(root, 'docfx.json', policy);
  if (!read.ok) {
    report(configFile, 'error', read.ruleId === 'not-found' ? `no docfx.json in ${root}: a DocFX source is a folder holding its docfx.json` : read.problem, { line: 1, column: 1 }, 'docfx-json');
    return null;
  }
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseJson(text);
  if ('problem' in parsed) {
    report(file, 'error', `docfx.json is not valid JSON: ${parsed.problem}`, parsed.place, 'docfx-json');
    return null;
  }
  const json = parsed.value as { build?: { content?: unknown } } | null;
  const content = json?.build?.content;
  if (!Array.isArray(content) || content.length === 0) {
    report(file, 'error', 'docfx.json has no build.content: nothing says which files are pages', { line: 1, column: 1 }, 'docfx-json');
    return null;
  }
  const groups: ContentGroup[] = [];
  for (const [i, group] of content.entries()) {
    const files = stringList(group?.files);
    const exclude = stringList(group?.exclude ?? []);
    const src = typeof group?.src === 'string' ? group.src : '.';
    if (!files || !exclude) {
      report(file, 'error', `docfx.json build.content[${i}]: "files" and "exclude" must be glob strings or lists of them`, { line: 1, column: 1 }, 'docfx-json');
      return null;
    }
    const srcCheck = posix.normalize(src.replace(/\\/g, '/'));
    if (srcCheck.startsWith('../') || srcCheck === '..' || posix.isAbsolute(srcCheck)) {
      report(file, 'error', `docfx.json build.content[${i}].src "${src}" is outside the project; refused`, { line: 1, column: 1 }, 'path-outside');
      return null;
    }
    groups.push({ files, exclude, src: srcCheck === '.' ? '' : srcCheck.replace(/\/$/, '') });
  }
  return { root, groups };
}

const TOC_NAMES = new Set(['toc.md', 'toc.yml']);
const PAGE_EXTENSIONS = /\.(md|txt)$/i;

/** Every content file of the project, sorted, with what each is. */
export function projectFiles(project: DocfxProject, policy: SymlinkPolicy = {}): ProjectFiles {
  const out: ProjectFiles = { pages: [], tocs: [], otherContent: [], skipped: [] };
  const all: string[] = [];
  let stopped = false;
  const walk = (rel: string, depth: number) => {
    if (stopped) return;
    if (depth > MAX_PROJECT_DEPTH) {
      out.skipped.push({ rel, problem: `folders nested more than ${MAX_PROJECT_DEPTH} deep; not read`, ruleId: 'project-limit' });
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(join(project.root, rel), { withFileTypes: true });
    } catch (error) {
      out.skipped.push({ rel, problem: `cannot list the folder (${(error as NodeJS.ErrnoException).code})`, ruleId: 'read-error' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        const checked = checkSourcePath(project.root, child, policy, 'file');
        const asDir = !checked.ok && checked.ruleId === 'not-regular-file' ? checkSourcePath(project.root, child, policy, 'dir') : null;
        if (asDir?.ok) walk(child, depth + 1);
        else if (checked.ok) all.push(child);
        else if (PAGE_EXTENSIONS.test(entry.name) || asDir) out.skipped.push({ rel: child, problem: `${checked.problem}; skipped`, ruleId: 'symlink-refused' });
        continue;
      }
      if (entry.isDirectory()) walk(child, depth + 1);
      else if (entry.isFile()) all.push(child);
      else if (PAGE_EXTENSIONS.test(entry.name)) out.skipped.push({ rel: child, problem: `${join(project.root, child)} is not a regular file; skipped`, ruleId: 'not-regular-file' });
      if (all.length > MAX_PROJECT_FILES) {
        out.skipped.push({ rel: '.', problem: `more than ${MAX_PROJECT_FILES} files in the project; the rest is not read`, ruleId: 'project-limit' });
        stopped = true;
        return;
      }
    }
  };
  walk('', 0);
  const seen = new Set<string>();
  for (const rel of all) {
    const name = posix.basename(rel).toLowerCase();
    if (TOC_NAMES.has(name)) {
      out.tocs.push(rel);
      continue;
    }
    const inContent = project.groups.some((g) => {
      if (g.src && !rel.startsWith(`${g.src}/`)) return false;
      const inside = g.src ? rel.slice(g.src.length + 1) : rel;
      return g.files.some((glob) => matchesGlob(inside, glob)) && !g.exclude.some((glob) => matchesGlob(inside, glob));
    });
    if (!inContent) continue;
    if (PAGE_EXTENSIONS.test(rel)) {
      const docId = rel.replace(PAGE_EXTENSIONS, '');
      if (seen.has(docId.toLowerCase())) {
        out.skipped.push({ rel, problem: `a second file for the page ${docId} (another extension or letter case); skipped`, ruleId: 'page-duplicate' });
        continue;
      }
      seen.add(docId.toLowerCase());
      out.pages.push({ rel, docId });
    } else if (/\.ya?ml$/i.test(rel)) out.otherContent.push(rel);
  }
  return out;
}
