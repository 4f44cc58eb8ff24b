/**
 * Hostile sources at the loader: every way a source could reach outside its content folder, hang the
 * build or blow it up gives a message naming the file (and line), and nothing outside changes. Each case
 * builds its own small content folder beside a sentinel folder whose hash is compared before and after.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashTree } from '../../support/hash-tree.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSite, scanLocales, type LoadedSite } from '../../../src/site/load-site.ts';
import { renderHtml } from '../../../src/pipeline/render-html.ts';

const ROOT = join(import.meta.dirname, '../../..');
const FR = readFileSync(join(ROOT, 'content/source/become-partner/fr-FR.md'), 'utf8');
const ALERTS = { note: 'Note', tip: 'Tip', important: 'Important', caution: 'Caution', warning: 'Warning' };

/** A minimal page in `locale`, with `body` after the front matter. */
const page = (locale: string, body: string, extra = '') =>
  `---\ntitle: T\ndescription: D\nms.contentlocale: ${locale}\nms.translationtype: MT\nms.lasthandoff: 03/23/2021\nms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e\n${extra}---\n# <a name="top"></a>T\n\n${body}\n`;


let work: string;
let content: string;
let sentinel: string;
let before: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'hostile-src-'));
  content = join(work, 'content');
  sentinel = join(work, 'sentinel');
  mkdirSync(join(content, 'source/become-partner'), { recursive: true });
  mkdirSync(join(content, 'includes'));
  mkdirSync(sentinel);
  writeFileSync(join(sentinel, 'secret.txt'), 'TOP-SECRET-OUTSIDE\n');
  writeFileSync(join(sentinel, 'secret.md'), page('it-IT', 'TOP-SECRET-OUTSIDE'));
  mkdirSync(join(sentinel, 'doc'));
  writeFileSync(join(sentinel, 'doc/it-IT.md'), page('it-IT', 'TOP-SECRET-OUTSIDE'));
  cpSync(join(ROOT, 'content/mt-docs.config.json'), join(content, 'mt-docs.config.json'));
  writeFileSync(join(content, 'source/become-partner/fr-FR.md'), FR);
  before = hashTree(sentinel);
});

afterEach(() => {
  expect(hashTree(sentinel), 'the sentinel folder outside the content changed').toBe(before);
});

const load = () => loadSite({ contentDir: content, cwd: work, localesDir: join(ROOT, 'locales') });

/** `file:line:column: severity: reason [rule]` of every message, as the CLIs print them. */
function lines(site: LoadedSite): string[] {
  if (process.env.SHOW_LINES) console.log(site.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.reason} [${m.ruleId}]`)).join("\n"));
  return site.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line ?? 1}:${m.column ?? 1}: ${m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info'}: ${m.reason} [${m.ruleId}]`));
}

const pageHtml = (site: LoadedSite, locale: string) => {
  const doc = site.docs.flatMap((d) => d.translations).find((d) => d.locale === locale)!;
  return renderHtml(doc.tree, { alertTitles: ALERTS });
};

describe('symlinks', () => {
  it('refuses an include that is a symlink to a file outside, and does not publish it', () => {
    symlinkSync(join(sentinel, 'secret.txt'), join(content, 'includes/secret.md'));
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', '[!INCLUDE [s](../includes/secret.md)]'));
    const site = load();
    expect(site.ok).toBe(true);
    expect(lines(site)).toContainEqual(expect.stringMatching(/^content\/source\/become-partner\/it-IT\.md:11:11: warning: include \.\.\/includes\/secret\.md refused: .*includes\/secret\.md is a symbolic link; symbolic links are not followed .* \[include-refused\]$/));
    expect(pageHtml(site, 'it-IT')).not.toContain('TOP-SECRET');
  });

  it('refuses a source file that is a symlink, even to a page, and says so', () => {
    symlinkSync(join(sentinel, 'secret.md'), join(content, 'source/become-partner/it-IT.md'));
    const site = load();
    expect(lines(site)).toContainEqual(expect.stringMatching(/^content\/source\/become-partner\/it-IT\.md:1:1: warning: .*it-IT\.md is a symbolic link; symbolic links are not followed.*; skipped \[symlink-refused\]$/));
    expect(site.docs[0]!.translations.map((d) => d.locale)).toEqual(['fr-FR']);
  });

  it('says why a symlinked document folder is skipped', () => {
    symlinkSync(join(sentinel, 'doc'), join(content, 'source/other'));
    const site = load();
    expect(lines(site)).toContainEqual(expect.stringMatching(/^content\/source\/other:1:1: warning: .*source\/other is a symbolic link.* \[symlink-refused\]$/));
    expect(site.docs.map((d) => d.docId)).toEqual(['become-partner']);
  });

  it('follows a symlink that stays inside the content only when mt-docs.config.json says so', () => {
    writeFileSync(join(content, 'includes/real.md'), 'INSIDE-INCLUDE\n');
    symlinkSync(join(content, 'includes/real.md'), join(content, 'includes/alias.md'));
    symlinkSync(join(sentinel, 'secret.txt'), join(content, 'includes/out.md'));
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', '[!INCLUDE [a](../includes/alias.md)]\n\n[!INCLUDE [o](../includes/out.md)]'));
    const config = JSON.parse(readFileSync(join(content, 'mt-docs.config.json'), 'utf8'));
    writeFileSync(join(content, 'mt-docs.config.json'), JSON.stringify({ ...config, followSymlinks: true }));
    const site = load();
    const html = pageHtml(site, 'it-IT');
    expect(html).toContain('INSIDE-INCLUDE');
    expect(html).not.toContain('TOP-SECRET');
    expect(lines(site)).toContainEqual(expect.stringMatching(/includes\/out\.md is a symbolic link to .*sentinel\/secret\.txt, outside the content folder \[include-refused\]$/));
  });
});

describe('files that are not regular files', () => {
  it('skips a FIFO named *.md with a message instead of hanging', { timeout: 10_000 }, () => {
    execFileSync('mkfifo', [join(content, 'source/become-partner/it-IT.md')]);
    const site = load();
    expect(lines(site)).toContainEqual('content/source/become-partner/it-IT.md:1:1: warning: ' + `${join(content, 'source/become-partner/it-IT.md')} is a FIFO (named pipe), not a regular file; skipped [not-regular-file]`);
    expect(scanLocales(content)).toEqual(['fr-FR']);
  });

  it('skips a folder named x.md', () => {
    mkdirSync(join(content, 'source/become-partner/it-IT.md'));
    const site = load();
    expect(lines(site)).toContainEqual(expect.stringMatching(/it-IT\.md:1:1: warning: .* is a folder, not a regular file; skipped \[not-regular-file\]$/));
    expect(site.ok).toBe(true);
  });

  it('refuses an include that is a folder, or `..`, with the line of the include', () => {
    mkdirSync(join(content, 'includes/dir.md'));
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', '[!INCLUDE [x](..)]\n\n[!INCLUDE [d](dir.md)]'));
    const site = load();
    expect(site.ok).toBe(true);
    expect(lines(site)).toContainEqual(expect.stringMatching(/it-IT\.md:11:11: warning: include \.\. refused: "\.\." names no file \[include-refused\]$/));
    expect(lines(site)).toContainEqual(expect.stringMatching(/it-IT\.md:13:11: warning: include dir\.md refused: .*dir\.md is a folder, not a regular file \[include-refused\]$/));
  });
});

describe('blow-ups are limits, not crashes', () => {
  it('stops an include that includes itself, used 20 times, at the cycle', { timeout: 30_000 }, () => {
    writeFileSync(join(content, 'includes/self.md'), `Self ${'x'.repeat(800)}\n\n[!INCLUDE [s](self.md)]\n`);
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', Array.from({ length: 20 }, () => '[!INCLUDE [s](../includes/self.md)]').join('\n\n')));
    const site = load();
    expect(site.ok).toBe(true);
    expect(lines(site)).toContainEqual(expect.stringMatching(/it-IT\.md:11:11: warning: in include \.\.\/includes\/self\.md \(line 3\): include cycle: self\.md → self\.md; not expanded again \[include-cycle\]$/));
    expect(pageHtml(site, 'it-IT').length).toBeLessThan(100_000);
  });

  it('caps the includes expanded on one page', { timeout: 30_000 }, () => {
    writeFileSync(join(content, 'includes/a.md'), 'A\n');
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', Array.from({ length: 100 }, () => '[!INCLUDE [a](a.md)]').join('\n\n')));
    const site = load();
    expect(lines(site).filter((l) => l.includes('[include-limit]'))).toHaveLength(36);
    expect(lines(site)).toContainEqual(expect.stringMatching(/warning: more than 64 includes expanded on this page; a\.md is not expanded \[include-limit\]$/));
  });

  it('refuses a source larger than the limit before reading it', () => {
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', 'x'.repeat(5 * 1024 * 1024)));
    const site = load();
    expect(site.ok).toBe(false);
    expect(lines(site)).toContainEqual(expect.stringMatching(/it-IT\.md:1:1: error: .* bytes; the limit for one source is 4194304 \[source-too-large\]$/));
  });
});

describe('front matter and locales', () => {
  it('reports a YAML alias bomb at its line', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', 'x', `${bomb}\n`));
    const site = load();
    expect(site.ok).toBe(false);
    expect(lines(site)).toContainEqual(expect.stringMatching(/it-IT\.md:2:1: error: front matter expands too many YAML aliases \(more than 20\).* \[front-matter-yaml\]$/));
  });

  it('reports `und` as a tag that names no language', () => {
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('und', 'x'));
    const site = load();
    expect(lines(site)).toContainEqual('content/source/become-partner/it-IT.md:4:1: error: ms.contentlocale: "und" is a valid tag but names no language (und); give the language the page is written in [locale-unknown]');
  });

  it('takes a page in the source locale (en, en-US) as the English original, not as a locale of its own', () => {
    writeFileSync(join(content, 'source/become-partner/en.md'), page('en-US', 'ORIGINAL-ENGLISH-TEXT'));
    const site = load();
    expect(site.ok, lines(site).join('\n')).toBe(true);
    expect(site.registry.map((l) => l.code)).not.toContain('en-US');
    const doc = site.docs[0]!;
    expect(doc.english?.meta.original).toBe(true);
    expect(doc.english?.locale).toBe('en');
    expect(JSON.stringify(doc.english!.tree)).toContain('ORIGINAL-ENGLISH-TEXT');
    expect(doc.translations.map((t) => t.locale)).not.toContain('en');
  });

  it('takes the locale of a quoted key from the same reading as the page', () => {
    writeFileSync(join(content, 'source/become-partner/it-IT.md'), page('it-IT', 'x').replace('ms.contentlocale: it-IT', '"ms.contentlocale": it-IT'));
    const site = load();
    expect(site.ok, lines(site).join('\n')).toBe(true);
    expect(site.registry.map((l) => l.code)).toContain('it-IT');
    expect(scanLocales(content)).toContain('it-IT');
  });
});

describe('document folder names', () => {
  for (const name of ['embed', 'translators', '404', '#h', 'q?x', '%2e%2e', 'a b']) {
    it(`refuses "${name}" as a document, naming the folder`, () => {
      mkdirSync(join(content, 'source', name));
      writeFileSync(join(content, 'source', name, 'it-IT.md'), page('it-IT', 'x'));
      const site = load();
      expect(site.ok).toBe(false);
      expect(lines(site)).toContainEqual(expect.stringMatching(new RegExp(`^content/source/${name.replace(/[?]/g, '\\?')}:1:1: error: document folder "${name.replace(/[?]/g, '\\?')}" .* \\[doc-id-invalid\\]$`)));
    });
  }
});
