/**
 * Loading on every core gives the site one thread gives: the same documents (trees, blocks, segments),
 * the same diagnostics in the same order, the same check reports; a broken source fails the same way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticLines } from '../../../src/pipeline/diagnostics.ts';
import { loadSiteParallel } from '../../../src/site/load-parallel.ts';
import { generateCorpus } from '../../../scripts/measure/scale-corpus.ts';

const CONTENT = join(import.meta.dirname, '../../../content');
const dir = mkdtempSync(join(tmpdir(), 'mt-docs-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const everything = (r: Awaited<ReturnType<typeof loadSiteParallel>>) => ({
  docs: JSON.stringify(r.site.docs),
  diagnostics: diagnosticLines(r.site.files, ['error', 'warning', 'info']),
  reports: JSON.stringify(r.run.reports.map((e) => [e.siteDoc.docId, e.report, e.tmxPairs, e.sources.map((s) => s.text)])),
  ok: r.site.ok,
});

describe('loading in worker threads', () => {
  it('gives byte for byte what one thread gives, on a 12-document site', async () => {
    const content = join(dir, 'site');
    generateCorpus(CONTENT, content, 12);
    const seen: number[] = [];
    const one = await loadSiteParallel({ contentDir: content, workers: 1, checks: true });
    const two = await loadSiteParallel({ contentDir: content, workers: 2, checks: true, onProgress: (done) => seen.push(done) });
    expect(two.site.docs.map((d) => d.docId)).toEqual(Array.from({ length: 12 }, (_, i) => `become-partner-${i + 1}`).sort());
    expect([one.threads, two.threads]).toEqual([1, 2]);
    expect(two.run.reports).toHaveLength(12);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const a = everything(one);
    const b = everything(two);
    expect(b.diagnostics.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  }, 120_000);

  it('reports a broken source with the same file, line and message, and no checks without translator pages', async () => {
    const content = join(dir, 'broken');
    generateCorpus(CONTENT, content, 9);
    writeFileSync(join(content, 'source/become-partner-5/de-DE.md'), '---\ntitle: [unclosed\n---\n# x\n');
    const one = await loadSiteParallel({ contentDir: content, workers: 1, checks: false });
    const two = await loadSiteParallel({ contentDir: content, workers: 2, checks: false });
    expect(two.threads).toBe(2);
    expect(two.site.ok).toBe(false);
    expect(two.run.reports).toEqual([]);
    const errors = diagnosticLines(two.site.files, ['error']);
    expect(errors).toEqual([expect.stringMatching(/^.*become-partner-5\/de-DE\.md:2:\d+: error: .*\[front-matter[-\w]*\]$/)]);
    expect(everything(two)).toEqual(everything(one));
  }, 120_000);
});
