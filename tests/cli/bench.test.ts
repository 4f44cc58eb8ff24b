/**
 * `npm run bench` as a process: its command line only (the measurements themselves take minutes and
 * belong in BENCHMARKS.md, not in a test). --help says what it measures; a wrong section is a usage error.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const bench = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'bench', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('npm run bench', () => {
  it('--help lists the sections and exit codes and exits 0', () => {
    const r = bench('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run bench -- /);
    expect(r.stdout).toContain('ingest,site,scale,docfx,hostile');
    expect(r.stdout).toMatch(/Exit codes: 0 .*2 usage error/);
  });

  it('an unknown section, option or a bad number is a one-line usage error (exit 2), never a stack trace', () => {
    for (const args of [['--only', 'speed'], ['--nope'], ['--pages', 'many'], ['extra']]) {
      const r = bench(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toContain('Usage: npm run bench');
    }
  });
});
