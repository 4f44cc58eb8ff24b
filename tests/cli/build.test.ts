/**
 * `npm run build` as a process: a good build produces a page per locale; a source with broken front
 * matter fails naming the file and line, and leaves the previous output byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function build(content: string, out: string) {
  const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', content, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p, 'base64');
    }
  };
  walk(dir);
  return files;
}

describe('npm run build', () => {
  it('builds every locale, then refuses a broken source and keeps the previous output', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'build-'));
    const content = join(work, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const out = join(work, 'dist');
    // What a build killed midway would have left beside the output (its pid no longer runs).
    mkdirSync(join(work, '.staging-999999'));

    const ok = build(content, out);
    expect(ok.status, ok.stderr).toBe(0);
    for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) expect(existsSync(join(out, lang, 'become-partner', 'index.html')), lang).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['content', 'dist']);
    const before = snapshot(out);

    // Nothing changed: nothing is rebuilt, the output stays as it is.
    const again = build(content, out);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(snapshot(out)).toEqual(before);

    const broken = join(content, 'source/become-partner/de-DE.md');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('ms.lasthandoff: 03/23/2021', 'ms.lasthandoff: 31/02/2021'));
    const failed = build(content, out);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/de-DE\.md:23:1: error: front matter key `ms\.lasthandoff` is invalid.* \[front-matter-invalid\]/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['content', 'dist']);
  });
});
