/** Two clean builds of the same sources give a byte-identical output folder. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('deterministic builds', () => {
  it('gives the same bytes twice', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'determinism-'));
    const build = (out: string) => {
      const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', join(work, out)], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
      expect(r.status, r.stderr).toBe(0);
      return digest(join(work, out));
    };
    const first = build('a');
    const second = build('b');
    expect(Object.keys(first).length).toBeGreaterThan(20);
    expect(second).toEqual(first);
  });
});
