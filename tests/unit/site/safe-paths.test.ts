/** The one containment helper: lexical containment, symlinks on the way, kinds of file, size. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSourcePath, isInside, PathEscapeError, readSourceFile, resolveInside } from '../../../src/site/safe-paths.ts';
import { docIdProblem } from '../../../src/site/doc-id.ts';

const root = mkdtempSync(join(tmpdir(), 'safe-paths-'));
const content = join(root, 'content');
mkdirSync(join(content, 'sub'), { recursive: true });
writeFileSync(join(content, 'sub/a.md'), 'A');
writeFileSync(join(root, 'outside.md'), 'OUT');
symlinkSync(join(root, 'outside.md'), join(content, 'out-link.md'));
symlinkSync(join(content, 'sub/a.md'), join(content, 'in-link.md'));
symlinkSync(join(root), join(content, 'dir-link'));
execFileSync('mkfifo', [join(content, 'pipe.md')]);

describe('isInside and resolveInside', () => {
  it('accept the folder and what is below it, refuse what climbs out', () => {
    expect(isInside(content, content)).toBe(true);
    expect(isInside(content, join(content, 'sub/a.md'))).toBe(true);
    expect(isInside(content, join(content, '../outside.md'))).toBe(false);
    expect(isInside(content, `${content}-sibling/x`)).toBe(false);
    expect(resolveInside(content, 'sub', 'a.md')).toBe(join(content, 'sub/a.md'));
    expect(() => resolveInside(content, '../../etc/passwd')).toThrow(PathEscapeError);
    expect(() => resolveInside(content, '/etc/passwd')).toThrow(PathEscapeError);
  });
});

describe('checkSourcePath', () => {
  it('reads regular files inside, refuses the rest with a reason and a rule', () => {
    expect(checkSourcePath(content, 'sub/a.md').ok).toBe(true);
    expect(checkSourcePath(content, '../outside.md')).toMatchObject({ ok: false, ruleId: 'path-outside' });
    expect(checkSourcePath(content, 'nope.md')).toMatchObject({ ok: false, ruleId: 'not-found' });
    expect(checkSourcePath(content, 'pipe.md')).toMatchObject({ ok: false, ruleId: 'not-regular-file', problem: expect.stringContaining('a FIFO (named pipe)') });
    expect(checkSourcePath(content, 'sub')).toMatchObject({ ok: false, ruleId: 'not-regular-file', problem: expect.stringContaining('a folder') });
    expect(checkSourcePath(content, 'sub', {}, 'dir').ok).toBe(true);
  });

  it('refuses every symlink by default, and with followSymlinks those that lead outside', () => {
    for (const link of ['out-link.md', 'in-link.md', 'dir-link/outside.md']) expect(checkSourcePath(content, link)).toMatchObject({ ok: false, ruleId: 'symlink-refused' });
    expect(checkSourcePath(content, 'in-link.md', { followSymlinks: true }).ok).toBe(true);
    expect(checkSourcePath(content, 'out-link.md', { followSymlinks: true })).toMatchObject({ ok: false, ruleId: 'symlink-refused', problem: expect.stringContaining('outside the content folder') });
    expect(checkSourcePath(content, 'dir-link/outside.md', { followSymlinks: true })).toMatchObject({ ok: false, ruleId: 'symlink-refused' });
  });
});

describe('readSourceFile', () => {
  it('reads what the check allows, refuses a file past the size limit, never blocks on a FIFO', () => {
    expect(readSourceFile(content, 'sub/a.md')).toEqual({ ok: true, bytes: Buffer.from('A') });
    expect(readSourceFile(content, 'sub/a.md', {}, 0)).toMatchObject({ ok: false, ruleId: 'source-too-large' });
    expect(readSourceFile(content, 'pipe.md')).toMatchObject({ ok: false, ruleId: 'not-regular-file' });
  });
});

describe('docIdProblem', () => {
  it('takes URL-safe slugs that are not routes of the site', () => {
    for (const ok of ['become-partner', 'a1', 'x_y', 'v1.2']) expect(docIdProblem(ok), ok).toBeNull();
    for (const bad of ['embed', 'Translators', '404', '#h', 'q?x', '%2e%2e', '..', '.hidden', 'a b', 'a--', '-a', 'é']) expect(docIdProblem(bad), bad).not.toBeNull();
  });
});
