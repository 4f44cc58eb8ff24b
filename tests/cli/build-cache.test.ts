/**
 * The per-document cache as a user meets it: after one source changed, `npm run build` normalises,
 * checks, renders and writes translator pages for that document only (it says so), and the output is
 * byte for byte what a clean build of the same sources gives. Unchanged sources: nothing rebuilt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileDigests } from '../support/hash-tree.ts';
import { docCacheDir } from '../../scripts/build-fingerprint.ts';
import { generateCorpus } from '../../scripts/measure/scale-corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'build-cache-'));
const content = join(work, 'content');
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(docCacheDir(ROOT, content), { recursive: true, force: true });
});

function build(out: string, ...extra: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', content, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  expect(r.status, r.stderr.slice(-3000)).toBe(0);
  return r;
}

describe('npm run build with the per-document cache', () => {
  it('rebuilds only the document that changed, and gives what a clean build gives', { timeout: 600_000 }, () => {
    generateCorpus(join(ROOT, 'content'), content, 3);
    const out = join(work, 'dist');
    rmSync(docCacheDir(ROOT, content), { recursive: true, force: true });
    const first = build(out);
    expect(first.stderr).toMatch(/^load: 3 documents, 15 sources, \d+ findings, 1 thread in /m);

    // One word of one translation of the third document.
    const changed = join(content, 'source/become-partner-3/fr-FR.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Devenir', 'Devenez'));
    const again = build(out);
    expect(again.stderr).toMatch(/^load: 3 documents, 15 sources, \d+ findings, 2 from the cache, 1 thread in /m);
    // The first document is always rendered (it builds the shared assets); the second is kept.
    expect(again.stderr).toMatch(/^render: 2 documents rendered, 1 kept from the last build in /m);
    expect(again.stderr).toMatch(/^workbench: 54 pages, 24 downloads \(2 documents kept from the last build\) in /m);
    expect(readFileSync(join(out, 'fr/become-partner-3/index.html'), 'utf8')).toContain('Devenez');

    // A clean build of the same sources, without the cache, into another folder: the same bytes.
    const clean = join(work, 'clean');
    build(clean, '--no-cache');
    const a = fileDigests(out);
    const b = fileDigests(clean);
    expect(Object.keys(a).length).toBeGreaterThan(100);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const file of Object.keys(b)) expect(a[file], file).toBe(b[file]);

    // The copy kept from the last build is no link into a folder that is gone: the old output was removed.
    expect(readdirSync(work).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(join(out, 'fr/become-partner-2/index.html'))).toBe(true);

    // A document whose pages the output has is read from the cache without its pages' part. When a page
    // of it has gone from the output after all, that part is read then; and when its cache file has gone
    // too, the document is made again: either way the pages are a clean build's.
    rmSync(join(out, 'ja/become-partner-2'), { recursive: true });
    rmSync(join(out, 'translators/become-partner-2'), { recursive: true });
    const dir = docCacheDir(ROOT, content);
    rmSync(join(dir, readdirSync(dir).find((n) => n.startsWith('become-partner-2~load-pages'))!));
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Devenez', 'Devenir'));
    const third = build(out);
    expect(third.stderr).toMatch(/^load: 3 documents, 15 sources, \d+ findings, 2 from the cache, 1 thread in /m);
    // Only the first document's pages are all there: every document is rendered; its translator pages are linked.
    expect(third.stderr).toMatch(/^render: [\d.]+ s$/m);
    expect(third.stderr).toMatch(/^workbench: 54 pages, 24 downloads \(1 documents kept from the last build\) in /m);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Devenir', 'Devenez'));
    const fourth = build(out);
    expect(fourth.stderr).toMatch(/^render: 2 documents rendered, 1 kept from the last build in /m);
    const c = fileDigests(out);
    expect(Object.keys(c)).toEqual(Object.keys(b));
    for (const file of Object.keys(b)) expect(c[file], file).toBe(b[file]);
  });

  it('a cache entry that cannot be read is a miss, not an error', { timeout: 300_000 }, () => {
    const dir = docCacheDir(ROOT, content);
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), 'not a cache entry');
    const out = join(work, 'dist2');
    const r = build(out);
    expect(r.stderr).toMatch(/^load: 3 documents, 15 sources, \d+ findings, 1 thread in /m);
    expect(fileDigests(out)).toEqual(fileDigests(join(work, 'clean')));
  });
});
