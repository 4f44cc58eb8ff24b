/**
 * Two clean builds of the same sources give a byte-identical output folder — run at the same time from
 * the same checkout, so they also show that concurrent builds do not share Astro's working files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigests } from '../support/hash-tree.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('deterministic builds', () => {
  it('gives the same bytes twice, from two builds running at once', { timeout: 400_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'determinism-'));
    const build = (out: string) =>
      new Promise<Record<string, string>>((done, fail) => {
        const child = spawn('npm', ['run', '--silent', 'build', '--', '--force', '--out', join(work, out)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), 360_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) done(fileDigests(join(work, out)));
          else fail(new Error(`build of ${out} exited ${code}:\n${stderr.slice(-2000)}`));
        });
      });
    const [first, second] = await Promise.all([build('a'), build('b')]);
    expect(Object.keys(first).length).toBeGreaterThan(20);
    expect(second).toEqual(first);
  });
});
