/**
 * `npm run build` as a process: a good build produces a page per locale; a source with broken front
 * matter fails naming the file and line, and leaves the previous output byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigests } from '../support/hash-tree.ts';

const ROOT = join(import.meta.dirname, '../..');

function build(content: string, out: string, ...extra: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', content, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run build', () => {
  it('--help says what it takes and exits 0; an unknown option is a usage error (exit 2)', () => {
    const help = spawnSync('npm', ['run', '--silent', 'build', '--', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run build -- .*--json/);
    const bad = spawnSync('npm', ['run', '--silent', 'build', '--', '--nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--nope/);
  });

  it('a build that runs out of heap is tried once more with four times the heap, and says so', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'build-heap-'));
    const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', join(work, 'dist'), '--no-cache'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, MT_DOCS_BUILD_HEAP_MB: '50' },
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stderr).toContain('build: the build ran out of its 50 MB heap; trying again with 200 MB');
    expect(existsSync(join(work, 'dist/ja/become-partner/index.html'))).toBe(true);
  });

  it('builds every locale, then refuses a broken source and keeps the previous output', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'build-'));
    const content = join(work, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const out = join(work, 'dist');
    // What a build killed midway would have left beside the output (its pid no longer runs).
    mkdirSync(join(work, '.staging-999999'));

    const ok = build(content, out, '--json');
    expect(ok.status, ok.stderr).toBe(0);
    // --json: a summary on stdout; progress, one line per phase, on stderr (not a terminal here).
    const summary = JSON.parse(ok.stdout) as { ok: boolean; pages: Record<string, number>; phasesMs: Record<string, number>; warnings: number; errors: number };
    expect(summary.ok).toBe(true);
    expect(summary.pages).toMatchObject({ reader: 6, translator: 6 + 6 * 3, chooser: 1 });
    expect(Object.keys(summary.phasesMs)).toEqual(['load', 'render', 'workbench', 'search', 'widget', 'finish']);
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(ok.stderr).toMatch(/^load: 1 documents, 5 sources, \d+ findings, 1 thread in \d+\.\d s$/m);
    expect(ok.stderr).toMatch(/^workbench: 18 pages, 8 downloads in /m);
    for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) expect(existsSync(join(out, lang, 'become-partner', 'index.html')), lang).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['content', 'dist']);
    const before = fileDigests(out);

    // Nothing changed: nothing is rebuilt, the output stays as it is.
    const again = build(content, out);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(fileDigests(out)).toEqual(before);

    const broken = join(content, 'source/become-partner/de-DE.md');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('ms.lasthandoff: 03/23/2021', 'ms.lasthandoff: 31/02/2021'));
    const failed = build(content, out);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/de-DE\.md:23:1: error: front matter key `ms\.lasthandoff` is invalid.* \[front-matter-invalid\]/);
    expect(fileDigests(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['content', 'dist']);
  });
});
