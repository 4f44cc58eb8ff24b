/**
 * Hostile sources through every command, run as processes: each error is one
 * `file:line:column: error: … [rule]` line naming the user's file, exit 1, never a stack trace, never a
 * hang; nothing outside the content and output folders changes (a sentinel folder's hash).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashTree } from '../support/hash-tree.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FRONT = (locale: string, extra = '') =>
  `---\ntitle: T\ndescription: D\nms.contentlocale: ${locale}\nms.translationtype: MT\nms.lasthandoff: 03/23/2021\nms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e\n${extra}---\n# <a name="top"></a>T\n\nTesto.\n`;
const ALIAS_BOMB = `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;


const run = (cmd: string, args: string[], cwd = ROOT) => {
  const r = spawnSync('npm', ['run', '--silent', cmd, '--', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  const stderr = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');
  return { status: r.status, stderr, stdout: r.stdout };
};

/** Folders each holding one hostile page (and the site's French page beside it), by case. */
const CASES: Record<string, { file: string; body: string | 'fifo' | 'dir'; line: RegExp }> = {
  'alias bomb': { file: 'it-IT.md', body: FRONT('it-IT', ALIAS_BOMB), line: /it-IT\.md:2:1: error: front matter expands too many YAML aliases \(more than 20\).* \[front-matter-yaml\]/ },
  'und locale': { file: 'it-IT.md', body: FRONT('und'), line: /it-IT\.md:4:1: error: ms\.contentlocale: "und" is a valid tag but names no language \(und\); give the language the page is written in \[locale-unknown\]/ },
  'folder named x.md': { file: 'it-IT.md', body: 'dir', line: /it-IT\.md:1:1: (error: cannot read file: .*|warning: .*)is a folder, not a regular file.* \[not-regular-file\]/ },
  'FIFO named x.md': { file: 'it-IT.md', body: 'fifo', line: /it-IT\.md:1:1: (error: cannot read file: .*|warning: .*)is a FIFO \(named pipe\), not a regular file.* \[not-regular-file\]/ },
};

let work: string;
let sentinel: string;
let before: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hostile-cli-'));
  sentinel = join(work, 'sentinel');
  mkdirSync(sentinel);
  writeFileSync(join(sentinel, 'secret.txt'), 'secret');
  before = hashTree(sentinel);
  for (const [name, c] of Object.entries(CASES)) {
    const dir = join(work, name.replace(/\W+/g, '-'), 'content');
    mkdirSync(join(dir, 'source/page'), { recursive: true });
    cpSync(join(ROOT, 'content/mt-docs.config.json'), join(dir, 'mt-docs.config.json'));
    cpSync(join(ROOT, 'content/source/become-partner/fr-FR.md'), join(dir, 'source/page/fr-FR.md'));
    const path = join(dir, 'source/page', c.file);
    if (c.body === 'fifo') execFileSync('mkfifo', [path]);
    else if (c.body === 'dir') mkdirSync(path);
    else writeFileSync(path, c.body);
  }
});

afterAll(() => {
  expect(hashTree(sentinel)).toBe(before);
});

const contentOf = (name: string) => join(work, name.replace(/\W+/g, '-'), 'content');

describe('hostile sources in every command', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`normalize: ${name}`, { timeout: 60_000 }, () => {
      const r = run('normalize', [join(contentOf(name), 'source/page', c.file)]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(c.line);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });

    it(`qa --dir and diff --dir: ${name}`, { timeout: 60_000 }, () => {
      const dir = join(contentOf(name), 'source/page');
      for (const r of [run('qa', ['--dir', dir]), run('diff', ['fr', 'en', '--dir', dir])]) {
        expect(r.stderr).not.toMatch(/^\s+at /m);
        // A skipped entry (FIFO, folder) is a warning and the rest is checked; a broken page fails.
        if (typeof c.body === 'string' && c.body !== 'fifo' && c.body !== 'dir') {
          expect(r.status, r.stderr).toBe(1);
          expect(r.stderr).toMatch(c.line);
        } else {
          expect(r.status, r.stderr).toBe(0);
        }
      }
    });
  }

  it('normalize and qa: an unreadable file is a read error with its path', { timeout: 60_000 }, () => {
    const dir = join(work, 'unreadable');
    mkdirSync(dir);
    cpSync(join(ROOT, 'content/source/become-partner/fr-FR.md'), join(dir, 'it-IT.md'));
    chmodSync(join(dir, 'it-IT.md'), 0o000);
    chmodSync(work, 0o755);
    // Root reads any file: run as nobody then, as a translator's own account would be.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const node = join(ROOT, 'node_modules/node/bin/node');
    for (const args of [['scripts/normalize.ts', join(dir, 'it-IT.md')], ['scripts/qa.ts', '--dir', dir]]) {
      const r = spawnSync(node, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: tmpdir() }, ...asUser });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/it-IT\.md:1:1: error: .*cannot read .*it-IT\.md \(EACCES\) \[read-error\]/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('build: a page that breaks the rules fails before Astro runs, naming file and line, output untouched', { timeout: 120_000 }, () => {
    const content = contentOf('alias bomb');
    const out = join(work, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'previous.html'), 'previous');
    const r = run('build', ['--content', content, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(CASES['alias bomb']!.line);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).toEqual(['previous.html']);
  });

  it('build: a document folder that is a route of the site is an error naming the folder', { timeout: 120_000 }, () => {
    const content = join(work, 'reserved', 'content');
    mkdirSync(join(content, 'source/embed'), { recursive: true });
    cpSync(join(ROOT, 'content/mt-docs.config.json'), join(content, 'mt-docs.config.json'));
    cpSync(join(ROOT, 'content/source/become-partner/fr-FR.md'), join(content, 'source/embed/fr-FR.md'));
    const r = run('build', ['--content', content, '--out', join(work, 'reserved-dist')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/source\/embed:1:1: error: document folder "embed" is a route of the site itself .* \[doc-id-invalid\]/);
  });
});
