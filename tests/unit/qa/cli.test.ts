/**
 * The `qa` and `diff` CLIs run as a user runs them (`npm run --silent qa -- …`), as processes: JSON and
 * human output, --locale, --strict exit codes, --dir on a temporary folder, --export, suppressions from
 * the content folder, and usage errors (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posix } from 'node:path';
import { classicScript, makeTranslatorPagesRelative, relativePath, relativeUrl, startTags } from '../../../scripts/relative-urls.ts';
import { RELATIVE_REGION } from '../../../src/site/workbench/relative.ts';
import { loadQa } from '../../../src/qa/load-qa.ts';
import { diffPair } from '../../../src/qa/pair-diff.ts';
import type { Finding } from '../../../src/qa/types.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE = join(ROOT, 'content/source/become-partner');

function cli(name: 'qa' | 'diff', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npm', ['run', '--silent', name, '--', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n') };
}

const page = (locale: string, body: string) => `---
title: Page ${locale}
ms.contentlocale: ${locale}
ms.translationtype: MT
ms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e
ms.openlocfilehash: ea7ebe1656c0173395df158b8f934ab388bea4ba
ms.lasthandoff: 03/23/2021
---

# <a name="intro"></a>Intro ${locale}

${body}
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const expected = loadQa().reports[0]!.report;

describe('qa CLI', () => {
  it('--json prints every finding of the site in the engine’s stable order', () => {
    const r = cli('qa', ['--json']);
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings).toEqual(expected.findings);
    expect(cli('qa', ['--json']).stdout).toBe(r.stdout);
  });

  it('groups findings by locale as file:line:column: severity: message [check]', () => {
    const r = cli('qa', []);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('become-partner');
    // A locale's heading: its tag, two spaces, its status (finding lines start with a path).
    const heads = lines.filter((l) => /^[a-z]{2,3}(?:-[A-Za-z0-9]+)* {2}\S/.test(l)).map((l) => l.split(' ')[0]);
    expect(heads).toEqual(expected.columns);
    expect(r.stdout).toMatch(/^de-DE {2}revision group \d+, handed off 2021-03-23, stale, MT$/m);
    // Each finding from the start of its line, as problem matchers read it.
    expect(r.stdout).toMatch(/^content\/source\/become-partner\/de-DE\.md:44:180: error: the text stops mid-sentence .* \[punct\.truncated\]$/m);
    const empty = lines.filter((l) => l.endsWith(' [link.empty-text]'));
    expect(empty.every((l) => /^\S+\.md:\d+:\d+: error: link to \S+ has no text/.test(l))).toBe(true);
    expect(empty).toHaveLength(expected.findings.filter((f) => f.check === 'link.empty-text').length);
    expect(lines.every((l) => !/^\s+at /.test(l))).toBe(true);
  });

  it('--locale keeps one locale, named fr or fr-FR (en for the English side)', () => {
    const fr = JSON.parse(cli('qa', ['--json', '--locale', 'fr']).stdout) as Finding[];
    expect(fr.length).toBeGreaterThan(0);
    expect(fr).toEqual(expected.findings.filter((f) => f.locale === 'fr-FR'));
    expect(JSON.parse(cli('qa', ['--json', '--locale', 'fr-FR']).stdout)).toEqual(fr);
    const en = JSON.parse(cli('qa', ['--json', '--locale', 'en']).stdout) as Finding[];
    expect(en.map((f) => f.check)).toEqual(expected.hotspots.map(() => 'source.hotspot'));
    const human = cli('qa', ['--locale', 'ko']).stdout;
    expect(human).toContain('ko-KR  ');
    expect(human).not.toContain('fr-FR.md');
  });

  it('--strict exits 1 on an unsuppressed error and 0 without one', () => {
    expect(cli('qa', ['--strict']).status).toBe(1);
    const clean = folder({ 'fr-FR.md': page('fr-FR', 'Texte 42.'), 'de-DE.md': page('de-DE', 'Text 42.') });
    const ok = cli('qa', ['--strict', '--dir', clean]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('0 errors, 0 warnings, 0 infos');
    writeFileSync(join(clean, 'es-ES.md'), page('es-ES', 'Ver [](https://example.com/x) 42.'));
    const bad = cli('qa', ['--strict', '--json', '--dir', clean]);
    expect(bad.status).toBe(1);
    const findings = JSON.parse(bad.stdout) as Finding[];
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.locale, f.check])).toContainEqual(['es-ES', 'link.empty-text']);
  });

  it('--dir checks any folder holding one page in several locales', () => {
    const dir = folder({});
    for (const locale of ['fr-FR', 'ko-KR', 'de-DE']) cpSync(join(SOURCE, `${locale}.md`), join(dir, `${locale}.md`));
    const findings = JSON.parse(cli('qa', ['--json', '--dir', dir]).stdout) as Finding[];
    expect([...new Set(findings.map((f) => f.locale))].sort()).toEqual(['de-DE', 'en', 'fr-FR', 'ko-KR']);
    expect(findings.filter((f) => f.check === 'punct.truncated').map((f) => f.locale)).toEqual(['de-DE']);
  });

  it('--export writes XLIFF for every locale and one TMX', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qa-export-')), 'nested');
    const r = cli('qa', ['--export', out, '--json']);
    expect(r.status).toBe(0);
    for (const locale of ['de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR']) expect(readFileSync(join(out, `become-partner.${locale}.xlf`), 'utf8'), locale).toContain(`trgLang="${locale}"`);
    expect(existsSync(join(out, 'become-partner.tmx'))).toBe(true);
    expect(r.stderr).toContain('become-partner.tmx');
  });

  it('hides suppressed findings with a count, and --json marks them', () => {
    const content = mkdtempSync(join(tmpdir(), 'qa-content-'));
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const target = expected.findings.find((f) => f.check === 'punct.truncated')!;
    mkdirSync(join(content, 'qa'), { recursive: true });
    writeFileSync(join(content, 'qa/suppressions.yaml'), `suppressions:\n  - id: ${target.id}\n    reason: reviewed\n`);
    const human = cli('qa', ['--locale', 'de'], { MT_DOCS_CONTENT: content });
    expect(human.stdout).toContain('(1 suppressed finding not shown)');
    expect(human.stdout).not.toContain('punct.truncated');
    const json = JSON.parse(cli('qa', ['--json', '--locale', 'de'], { MT_DOCS_CONTENT: content }).stdout) as Finding[];
    expect(json.find((f) => f.id === target.id)?.suppressed).toBe(true);
  });

  it('usage errors exit 2 with the usage; --help exits 0', () => {
    for (const args of [['--bogus'], ['extra'], ['--locale', 'xx'], ['--locale'], ['--dir', '/nonexistent/folder'], ['--dir', folder({})]]) {
      const r = cli('qa', args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('usage: npm run --silent qa');
      expect(r.stdout).toBe('');
    }
    const help = cli('qa', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--strict');
  });
});

describe('diff CLI', () => {
  it('fr ko --json is the pair diff of the page, as the pair pages use it', () => {
    const r = cli('diff', ['fr', 'ko', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([diffPair(expected, 'fr-FR', 'ko-KR')]);
  });

  it('prints aligned blocks with invariant strips, visible invisibles and findings', () => {
    const r = cli('diff', ['en', 'de-DE']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('become-partner: en | de-DE');
    expect(r.stdout).toContain('── step-2-fulfill-the-solution-validation-and-certification-requirements:1 (paragraph)');
    expect(r.stdout).toContain('⟦∅⟧');
    expect(r.stdout).toContain('error link.empty-text: link to https://securitycenter.microsoft.com/interoperability/partners has no text');
    expect(r.stdout).toMatch(/\[!?emphasis: \d\]/);
    expect(cli('diff', ['fr', 'en']).stdout).toContain('[NBSP]');
  });

  it('--differing keeps only the blocks whose invariants differ or that one side lacks', () => {
    const all = cli('diff', ['en', 'de-DE']).stdout;
    const differing = cli('diff', ['en', 'de-DE', '--differing']).stdout;
    const blocks = (text: string) => text.split('\n').filter((l) => l.startsWith('── '));
    expect(blocks(differing).length).toBeGreaterThan(0);
    expect(blocks(differing).length).toBeLessThan(blocks(all).length);
    expect(blocks(differing).every((l) => / {2}≠ /.test(l) || !all.includes(`${l}\n  en `) || !all.includes(`${l}\n  de-DE`))).toBe(true);
    expect(blocks(all).filter((l) => / {2}≠ /.test(l))).toEqual(blocks(differing).filter((l) => / {2}≠ /.test(l)));
  });

  it('usage errors exit 2', () => {
    for (const args of [['fr'], ['fr', 'ko', 'ja'], ['fr', 'xx'], ['fr', 'fr-FR'], ['--bogus', 'fr', 'ko']]) {
      const r = cli('diff', args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run --silent diff');
    }
  });
});

describe('the build step that makes translator pages work from disk', () => {
  it('makes site-absolute URLs relative, folders end in index.html, query and fragment kept', () => {
    expect(relativeUrl('/', 'en/translators')).toBe('../../index.html');
    expect(relativeUrl('/_astro/a.css', 'en/translators/doc/grid')).toBe('../../../../_astro/a.css');
    expect(relativeUrl('/en/translators/doc/grid/#cell-fr-FR-a:1', 'en/translators/doc/findings')).toBe('../grid/index.html#cell-fr-FR-a:1');
    expect(relativeUrl('/en/translators/?x=1#check=a&severity=error', 'en/translators')).toBe('index.html?x=1#check=a&severity=error');
  });

  it('computes relative paths as posix.relative does', () => {
    const parts = ['a', 'b', 'en', 'translators', 'x.html', '.', '..', ''];
    const pick = (n: number, seed: number) => Array.from({ length: n }, (_, i) => parts[(seed * 7 + i * 13 + (seed >> i)) % parts.length]).join('/');
    for (let seed = 0; seed < 4000; seed++) {
      const from = pick(1 + (seed % 4), seed);
      const to = pick(1 + ((seed >> 2) % 5), seed + 11);
      expect(relativePath(from, to), `${from} → ${to}`).toBe(posix.relative(from, to));
    }
    expect(relativePath('en/translators', 'en/translators/doc/index.html')).toBe('doc/index.html');
    expect(relativePath('en/translators/doc', '_astro/a.css')).toBe('../../../_astro/a.css');
  });

  it('rewrites only translator pages, turns module scripts into wrapped classic ones, and refuses bundles with imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relative-'));
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'en/translators/doc'), { recursive: true });
    mkdirSync(join(dir, 'en/doc'), { recursive: true });
    writeFileSync(join(dir, '_astro/a.js'), 'let e=1;console.log(e)');
    const page = '<html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://x.test/en/"></head><body><a href="/en/doc/#top">/en/doc/ stays in text</a><script type="module" src="/_astro/a.js"></script></body></html>';
    writeFileSync(join(dir, 'en/translators/doc/index.html'), page);
    writeFileSync(join(dir, 'en/doc/index.html'), page);
    expect(makeTranslatorPagesRelative(dir)).toBe(1);
    const out = readFileSync(join(dir, 'en/translators/doc/index.html'), 'utf8');
    expect(out).toContain('href="../../../_astro/a.css"');
    expect(out).toContain('href="https://x.test/en/"');
    expect(out).toContain('<a href="../../doc/index.html#top">/en/doc/ stays in text</a>');
    expect(out).toContain('<script src="../../../_astro/a.classic.js" defer></script>');
    expect(readFileSync(join(dir, '_astro/a.classic.js'), 'utf8')).toBe('(()=>{"use strict";\nlet e=1;console.log(e)\n})();\n');
    expect(readFileSync(join(dir, 'en/doc/index.html'), 'utf8')).toBe(page);
    expect(() => classicScript('import{a as b}from"./x.js";b()', 'x.js')).toThrow(/cannot run from file:\/\//);
    expect(() => classicScript('console.log(import.meta.url)', 'x.js')).toThrow();
    expect(classicScript('import(`/pagefind/pagefind.js`)', 'x.js')).toContain('import(`/pagefind/pagefind.js`)');
  });

  it('reads pages as HTML: a script tag inside an attribute value is text, and no path leaves the build', () => {
    const work = mkdtempSync(join(tmpdir(), 'relative-hostile-'));
    const dir = join(work, 'dist');
    const outside = join(work, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    mkdirSync(join(dir, '_astro'), { recursive: true });
    mkdirSync(join(dir, 'en/translators/doc'), { recursive: true });
    writeFileSync(join(dir, '_astro/a.js'), 'let e=1');
    const hostileId = `row-<script type='module' src='/../../outside/secret.txt'>`;
    const idAttribute = `id="${hostileId.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    writeFileSync(join(dir, 'en/translators/doc/index.html'), `<html><body><div ${idAttribute}></div><script type="module" src="/_astro/a.js"></script></body></html>`);
    makeTranslatorPagesRelative(dir);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    const out = readFileSync(join(dir, 'en/translators/doc/index.html'), 'utf8');
    // The attribute is text to the parser: left byte for byte as it was, its "src" not followed.
    expect(out).toContain(`<div ${idAttribute}></div>`);
    expect(out.match(/classic\.js/g)).toHaveLength(1);
    expect(out).toContain('<script src="../../../_astro/a.classic.js" defer></script>');
    // A real script element pointing outside the build, or at a file it does not have, fails clearly.
    writeFileSync(join(dir, 'en/translators/doc/index.html'), `<script type="module" src="/../../outside/secret.txt"></script>`);
    expect(() => makeTranslatorPagesRelative(dir)).toThrow(/outside \/_astro\//);
    writeFileSync(join(dir, 'en/translators/doc/index.html'), `<script type="module" src="/_astro/missing.js"></script>`);
    expect(() => makeTranslatorPagesRelative(dir)).toThrow(/en\/translators\/doc\/index\.html: its module script \/_astro\/missing\.js is not in the build/);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('skips the region a page marked as relative already, with the nonce of this run only, and removes its marks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relative-region-'));
    mkdirSync(join(dir, 'en/translators'), { recursive: true });
    const key = RELATIVE_REGION.key;
    (globalThis as Record<symbol, unknown>)[key] = 'n0nce';
    try {
      const page = (open: string, close: string) =>
        `<html><head><link href="/_astro/a.css"></head><body>${open}<a href="/inside/">x</a>${close}<a href="/after/">y</a></body></html>`;
      writeFileSync(join(dir, 'en/translators/index.html'), page(RELATIVE_REGION.open('n0nce'), RELATIVE_REGION.close('n0nce')));
      makeTranslatorPagesRelative(dir);
      // Inside the region nothing is read (its code made its URLs relative); the marks are gone.
      expect(readFileSync(join(dir, 'en/translators/index.html'), 'utf8')).toBe(
        '<html><head><link href="../../_astro/a.css"></head><body><a href="/inside/">x</a><a href="../../after/index.html">y</a></body></html>',
      );
      // Marks of another nonce (text a source could hold) are no region: the whole page is read.
      writeFileSync(join(dir, 'en/translators/index.html'), page(RELATIVE_REGION.open('guess'), RELATIVE_REGION.close('guess')));
      makeTranslatorPagesRelative(dir);
      expect(readFileSync(join(dir, 'en/translators/index.html'), 'utf8')).toContain('<a href="../../inside/index.html">x</a>');
      // A second closing mark (the region would end early): the whole page is read too.
      writeFileSync(join(dir, 'en/translators/index.html'), page(RELATIVE_REGION.open('n0nce'), RELATIVE_REGION.close('n0nce') + RELATIVE_REGION.close('n0nce')));
      makeTranslatorPagesRelative(dir);
      expect(readFileSync(join(dir, 'en/translators/index.html'), 'utf8')).toContain('<a href="../../inside/index.html">x</a>');
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  });

  it('finds the start tags a browser would, not tags inside text-only elements', () => {
    const html = [
      '<!doctype html><html><head><title>a <a href="/t"> b</title>',
      '<style>a[href="/s"]{}</style><script>document.write(\'<a href="/j">\')</script></head>',
      '<body><textarea><img src="/x"></textarea><noscript><a href="/n"></a></noscript>',
      // Inside SVG a <title> is foreign: its content is markup, so the link after it is a tag.
      '<svg><title>icon</title><a href="/svg-link"></a></svg><a href="/after"  data-x=\'1\'>after</a>',
      '<!-- <a href="/comment"> --></body></html>',
    ].join('');
    const hrefs = startTags(html).flatMap((t) => t.attrs.filter((a) => a.name === 'href').map((a) => a.value));
    expect(hrefs).toEqual(['/svg-link', '/after']);
    const after = startTags(html).find((t) => t.attrs.some((a) => a.value === '/after'))!;
    // Where the attribute is, as an edit needs it.
    expect(html.slice(after.location.attrs!.href!.startOffset, after.location.attrs!.href!.endOffset)).toBe('href="/after"');
  });
});
