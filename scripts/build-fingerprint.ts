/**
 * Skipping a build whose inputs did not change: a hash of everything the output depends on (the
 * content, the UI strings, the code, the configuration, the lockfile), kept per output folder under
 * .cache/builds/. Like make: an unchanged rebuild costs the hashing, not the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { configPath, docfxProjects, readConfig } from '../src/site/config.ts';
import { addTree } from '../src/site/doc-cache.ts';

export function inputFingerprint(root: string, contentDir: string, localesDir: string): string {
  const hash = createHash('sha256');
  // The content, the sources it names outside it (DocFX projects), the UI strings.
  const config = readConfig(contentDir, new VFile());
  const sources = (config ? (docfxProjects(config) ?? []) : []).map((f) => configPath(contentDir, f));
  for (const dir of [contentDir, ...sources, localesDir]) {
    hash.update(`[${dir}]`);
    addTree(hash, dir, dir);
  }
  for (const path of ['src', 'scripts', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']) addTree(hash, root, join(root, path));
  return hash.digest('hex');
}

const recordFor = (root: string, out: string) => join(root, '.cache/builds', `${createHash('sha256').update(out).digest('hex').slice(0, 16)}.json`);

interface BuildRecord {
  out: string;
  fingerprint: string;
  /** Each document's cache key in that build: its pages in the output are what that key renders. */
  docs?: Record<string, string>;
}

function readRecord(root: string, out: string): BuildRecord | null {
  const record = recordFor(root, out);
  if (!existsSync(out) || !existsSync(record)) return null;
  try {
    return JSON.parse(readFileSync(record, 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
}

export function isUpToDate(root: string, out: string, fingerprint: string): boolean {
  return readRecord(root, out)?.fingerprint === fingerprint;
}

/** The document keys of the build that made `out` (none when it is unknown). */
export const builtKeys = (root: string, out: string): Record<string, string> => readRecord(root, out)?.docs ?? {};

export function recordBuild(root: string, out: string, fingerprint: string, docs?: Record<string, string>): void {
  const record = recordFor(root, out);
  mkdirSync(join(root, '.cache/builds'), { recursive: true });
  writeFileSync(record, JSON.stringify({ out, fingerprint, ...(docs ? { docs } : {}) }));
}

/** The code the output depends on (what the per-document cache keys build on, with each document's own inputs). */
export function codeFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const path of ['src', 'scripts', 'public', 'locales', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']) addTree(hash, root, join(root, path));
  return hash.digest('hex');
}

/** Where the per-document cache of a content folder lives (src/site/doc-cache.ts). */
export const docCacheDir = (root: string, contentDir: string) => join(root, '.cache/documents', createHash('sha256').update(contentDir).digest('hex').slice(0, 16));
