/**
 * The `mt-docs` command as a team runs it from its own folder: help, version and usage errors; `init`
 * writing a starter config for the DocFX project it finds; `build` taking that folder as the content
 * and writing ./dist; --keep-going building the good pages and exiting 1; warnings past a screenful
 * counted by rule, all of them in --report; `preview` serving the result with the page language's 404.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtPage as page } from '../support/pages.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/mt-docs.js');
const mtDocs = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });


/** A team folder: one DocFX project (repo/docs) with `files`. */
function team(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'mt-docs-team-'));
  for (const [rel, text] of Object.entries({ 'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'], exclude: ['**/includes/**'] }] } }), ...files })) {
    mkdirSync(dirname(join(dir, 'repo/docs', rel)), { recursive: true });
    writeFileSync(join(dir, 'repo/docs', rel), text);
  }
  return dir;
}

describe('mt-docs', () => {
  it('--help lists the commands; --version; an unknown command is a usage error (exit 2)', () => {
    const help = mtDocs(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['build', 'preview', 'dev', 'init', 'normalize', 'qa', 'diff', 'ua']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(mtDocs(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const bad = mtDocs(['biuld']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "biuld"');
    for (const command of ['build', 'init', 'preview']) {
      const r = mtDocs([command, '--help']);
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toMatch(/exit/);
      expect(mtDocs([command, '--no-such-option']).status, command).toBe(2);
    }
    // Each command's help names it as the user typed it, not as this checkout's npm scripts run it.
    for (const command of ['build', 'qa', 'diff', 'normalize', 'import', 'ua', 'dev']) {
      const r = mtDocs([command, '--help']);
      expect(r.stdout, command).toMatch(new RegExp(`^usage: mt-docs ${command} `, 'i'));
      expect(r.stdout + r.stderr, command).not.toContain('npm run');
      // A wrong option: one line saying which, then the usage.
      const wrong = mtDocs([command, '--no-such-option']);
      expect(wrong.status, command).toBe(2);
      expect(wrong.stderr.split('\n')[0], command).toBe(command === 'ua' ? 'ua: unknown command: --no-such-option' : 'unknown option --no-such-option');
    }
  });

  it('init writes a commented config for the project it finds, never over an existing one; build then builds ./dist', () => {
    const dir = team({
      'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }], globalMetadata: { _appTitle: 'Defender-documentatie', breadcrumb_path: '/defender/breadcrumb/toc.json' } } }),
      'a/one.md': page('Een', 'Zie [twee](../b/two.md).\n\n![Scherm](images/s.png)'),
      'a/images/s.png': 'PNG-BYTES',
      'b/two.md': page('Twee', 'Tekst.'),
      'TOC.md': '# [Een](a/one.md)\n# [Twee](b/two.md)\n',
    });
    const init = mtDocs(['init'], dir);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toContain('DocFX project repo/docs: 2 pages, 1 TOC file, locale nl-NL');
    const config = readFileSync(join(dir, 'mt-docs.config.json'), 'utf8');
    expect(config).toMatch(/^\/\/ /);
    expect(config).toContain('"sources": { "docfx": ["repo/docs"] }');
    // The site is named after the project (DocFX's _appTitle), and the name is on every page.
    expect(config).toContain('"title": "Defender-documentatie"');
    // The docs set on the published site, from the breadcrumb path: relative links resolve from there.
    expect(config).toContain('"upstream": { "base": "https://learn.microsoft.com/{locale}/defender/" }');
    expect(mtDocs(['init'], dir).status).toBe(1);

    // The other commands take the team's folder too (its config), where they used to fail outside the project.
    const normalized = mtDocs(['normalize', 'repo/docs/a/one.md'], dir);
    expect(normalized.status, normalized.stderr).toBe(0);
    // b/two is a page of the project, so of the site: the link goes there, as in the built page.
    expect(normalized.stdout).toContain('[twee](/nl/b/two/)');
    const build = mtDocs(['build'], dir);
    expect(build.status, build.stderr).toBe(0);
    const one = readFileSync(join(dir, 'dist/nl/a/one/index.html'), 'utf8');
    expect(one).toContain('<a href="/nl/b/two/">twee</a>');
    expect(one).toContain('aria-current="page"');
    expect(one).toMatch(/<a class="brand" href="\/"[^>]*>Defender-documentatie<\/a>/);
    // The image is copied where the page shows it from.
    expect(one).toContain('src="/media/nl/a/images/s.png"');
    expect(readFileSync(join(dir, 'dist/media/nl/a/images/s.png'), 'utf8')).toBe('PNG-BYTES');
    // The site's own URL comes from this config, not the project's.
    expect(readFileSync(join(dir, 'dist/robots.txt'), 'utf8')).toContain('https://docs.example.org/');
  });

  it('a broken page fails the build and leaves dist as it was; --keep-going builds the rest and exits 1', () => {
    const dir = team({ 'a/one.md': page('Een', 'Tekst.'), 'b/broken.md': '---\ndescription: no title\nms.contentlocale: nl-NL\n---\n# x\n' });
    writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] }, translatorPages: false }));
    const failed = mtDocs(['build'], dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/repo\/docs\/b\/broken\.md:\d+:\d+: error: .*title/);
    expect(failed.stderr).toContain('--keep-going builds the good pages');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    const kept = mtDocs(['build', '--keep-going'], dir);
    expect(kept.status).toBe(1);
    expect(kept.stderr).toContain('1 of 2 sources have errors and are left out');
    expect(existsSync(join(dir, 'dist/nl/a/one/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/nl/b/broken/index.html'))).toBe(false);
  });

  it('counts warnings by rule past a screenful; --report writes every one as JSON', () => {
    const links = Array.from({ length: 60 }, (_, i) => `[](https://example.org/${i})`).join(' ');
    const dir = team({ 'a/one.md': page('Een', links) });
    writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] }, translatorPages: false }));
    const build = mtDocs(['build', '--report', join(dir, 'report.json')], dir);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/^\s+60 × \[link-empty-text\], e\.g\. repo\/docs\/a\/one\.md:\d+:\d+: warning: /m);
    expect(build.stderr.split('\n').filter((l) => l.includes('[link-empty-text]'))).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { ruleId: string; line: number; file: string }[];
    expect(report.filter((d) => d.ruleId === 'link-empty-text')).toHaveLength(60);
  });

  it('qa and diff over a team\'s repo: every finding at the user\'s own path, then a summary', () => {
    const pair = (id: string, nl: string, en: string) => `<span data-ttu-id="${id}">${nl}</span><span class="sxs-lookup"><span data-stu-id="${id}">${en}</span></span>`;
    const dir = team({
      'a/one.md': page('Een', `${pair('a-1', 'Zie [](https://example.org/x) voor meer.', 'See [the site](https://example.org/x) for more.')}`),
      'b/two.md': page('Twee', `${pair('b-1', 'Install the agent.', 'Install the agent.')}`),
    });
    writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] } }));
    const qa = mtDocs(['qa'], dir);
    expect(qa.status, qa.stderr).toBe(0);
    expect(qa.stdout).toMatch(/^repo\/docs\/a\/one\.md:\d+:\d+: error: link to https:\/\/example\.org\/x has no text.*\[link\.empty-text\]$/m);
    expect(qa.stdout).toMatch(/^repo\/docs\/b\/two\.md:\d+:\d+: warning: the translation is the English text \[untranslated\]$/m);
    expect(qa.stdout).toMatch(/^summary: \d+ errors?, \d+ warnings?, \d+ infos? in 2 documents of 2$/m);
    expect(qa.stdout).toMatch(/^by check: .*link\.empty-text 1.*untranslated 1/m);
    // Nothing of a temporary copy anywhere in what it says.
    expect(qa.stdout + qa.stderr).not.toMatch(/\/tmp\/|mt-docs-qa/);
    // diff over the repo: each page, then one summary line.
    const diff = mtDocs(['diff', 'nl', 'en'], dir);
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toMatch(/^a\/one: nl-NL \| en$/m);
    expect(diff.stdout).toMatch(/^summary: 2 pages, \d+ aligned blocks: \d+ with differing invariants, 0 only in nl-NL, 0 only in en \(on \d+ pages?\)$/m);
  });

  it('rebuilds a repo whose page ids are paths (one inside another\'s folder) after an edit, translator downloads kept', { timeout: 120_000 }, () => {
    const pair = (id: string, nl: string, en: string) => `<span data-ttu-id="${id}">${nl}</span><span class="sxs-lookup"><span data-stu-id="${id}">${en}</span></span>`;
    const dir = team({ 'a.md': page('A', pair('a-1', 'Eerste.', 'First.')), 'a/one.md': page('Een', pair('b-1', 'Tweede.', 'Second.')), 'c/d/two.md': page('Twee', pair('c-1', 'Derde.', 'Third.')) });
    writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] } }));
    expect(mtDocs(['build'], dir).status).toBe(0);
    writeFileSync(join(dir, 'repo/docs/a/one.md'), page('Een', pair('b-1', 'Tweede, bewerkt.', 'Second.')));
    const again = mtDocs(['build'], dir);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'dist/nl/a/one/index.html'), 'utf8')).toContain('Tweede, bewerkt.');
    // Each document's downloads, in its own folder, named by its id; the kept ones linked from the last build.
    for (const id of ['a', 'a/one', 'c/d/two']) {
      expect(existsSync(join(dir, `dist/translators/${id}/${id}.nl-NL.xlf`)), id).toBe(true);
      expect(existsSync(join(dir, `dist/translators/${id}/findings.json`)), id).toBe(true);
    }
    expect(readFileSync(join(dir, 'dist/translators/a/one/a/one.nl-NL.xlf'), 'utf8')).toContain('Tweede, bewerkt.');
  });

  it('a docfx.json that does not parse is reported in docfx.json, at its line, by build and by init', () => {
    const dir = team({ 'a/one.md': page('Een', 'Tekst.') });
    writeFileSync(join(dir, 'repo/docs/docfx.json'), '{\n  "build": {\n    "content": [ { "files": ["**/*.md"] } ]\n    "dest": "x"\n  }\n}\n');
    writeFileSync(join(dir, 'mt-docs.config.json'), '// the team\'s config\n' + JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] }, translatorPages: false }));
    const build = mtDocs(['build'], dir);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/^repo\/docs\/docfx\.json:4:\d+: error: docfx\.json is not valid JSON: .*\[docfx-json\]$/m);
    expect(build.stderr).not.toMatch(/mt-docs\.config\.json:\d+:\d+: error: docfx\.json/);
    rmSync(join(dir, 'mt-docs.config.json'));
    const init = mtDocs(['init'], dir);
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(/^repo\/docs\/docfx\.json:4:\d+: error: docfx\.json is not valid JSON/m);
  });

  it('preview serves the built site on 127.0.0.1, a missing page with its language’s 404', async () => {
    const dir = team({ 'a/one.md': page('Een', 'Tekst.') });
    writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] }, translatorPages: false }));
    expect(mtDocs(['build'], dir).status).toBe(0);
    // From the team's folder, preview serves its ./dist.
    const server = spawn(process.execPath, [BIN, 'preview', '--port', '0', '--json'], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).url));
        server.on('exit', (code) => reject(new Error(`preview exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const ok = await fetch(`${url}nl/a/one/`);
      expect(ok.status).toBe(200);
      const missing = await fetch(`${url}nl/no-such-page/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('lang="nl');
      expect((await fetch(`${url}..%2f..%2fpackage.json`)).status).toBe(404);
    } finally {
      server.kill();
    }
  });
});

describe('English originals and fallback pages', () => {
  it('an English project is the English pages; a page missing in a locale is built there in English with a notice, left out of hreflang and the sitemap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-docs-fallback-'));
    const docfx = JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } });
    const english = (title: string, body: string) => `---\ntitle: ${title}\ndescription: An original\n---\n# ${title}\n\n${body}\n`;
    const files: Record<string, string> = {
      'en/docfx.json': docfx,
      'en/a/one.md': english('One', 'ORIGINAL-ONE [Two](../b/two.md)'),
      'en/b/two.md': english('Two', 'ORIGINAL-TWO'),
      'en/TOC.md': '# [One](a/one.md)\n# [Two](b/two.md)\n',
      'de/docfx.json': docfx,
      'de/a/one.md': page('Eins', 'DEUTSCH-EINS', 'de-DE'),
      'de/TOC.md': '# [Eins](a/one.md)\n# [Zwei](b/two.md)\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/docs/' }, sources: { docfx: ['en', 'de'] }, translatorPages: false }));
    // The repo's redirection file, beside the projects: paths from the repo root.
    writeFileSync(
      join(dir, '.openpublishing.redirection.json'),
      '{\n  "redirections": [\n    { "source_path": "en/a/old.md", "redirect_url": "/docs/a/one" },\n    { "source_path": "en/c/gone.md", "redirect_url": "/elsewhere/x" },\n    { "source_path": "en/a/one.md", "redirect_url": "/docs/b/two" },\n    { "redirect_url": "/docs/b/two" }\n  ]\n}\n',
    );
    const build = mtDocs(['build', '--json'], dir);
    expect(build.status, build.stderr).toBe(0);
    // Two pages in two locales are the reader pages; the two moved addresses in each locale are redirects.
    expect(JSON.parse(build.stdout).pages).toMatchObject({ reader: 4, redirect: 4 });
    // The English pages are the originals, not a rebuild.
    expect(readFileSync(join(dir, 'dist/en/a/one/index.html'), 'utf8')).toContain('ORIGINAL-ONE');
    expect(readFileSync(join(dir, 'dist/de/a/one/index.html'), 'utf8')).toContain('DEUTSCH-EINS');
    // b/two has no German: its German page is the English original in the German UI, saying so.
    const fallback = readFileSync(join(dir, 'dist/de/b/two/index.html'), 'utf8');
    expect(fallback).toMatch(/<html lang="de"/);
    expect(fallback).toMatch(/<article lang="en" dir="ltr"[ >]/);
    expect(fallback).toContain('ORIGINAL-TWO');
    expect(fallback).toContain('Diese Seite ist auf Deutsch nicht verfügbar');
    expect(fallback).not.toContain('data-pagefind-body');
    expect(fallback).toContain('<link rel="canonical" href="https://t.example/en/b/two/">');
    // Not an alternate of the English page, not in the sitemap; marked in the German sidebar.
    expect(readFileSync(join(dir, 'dist/en/b/two/index.html'), 'utf8')).not.toContain('hreflang="de-DE"');
    const sitemap = readFileSync(join(dir, 'dist/sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('https://t.example/de/a/one/');
    expect(sitemap).not.toContain('https://t.example/de/b/two/');
    expect(readFileSync(join(dir, 'dist/de/a/one/index.html'), 'utf8')).toContain('<a href="/de/b/two/" hreflang="en">Zwei <span class="nav-fallback">(Englisch)</span></a>');
    // Moved pages: a redirect in every locale, to the page in the site or to the upstream site in that locale.
    expect(readFileSync(join(dir, 'dist/de/a/old/index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=/de/a/one/">');
    expect(readFileSync(join(dir, 'dist/en/a/old/index.html'), 'utf8')).toContain('url=/en/a/one/');
    expect(readFileSync(join(dir, 'dist/de/c/gone/index.html'), 'utf8')).toContain('url=https://l.example/de-de/elsewhere/x');
    expect(readFileSync(join(dir, 'dist/de/a/one/index.html'), 'utf8')).toContain('DEUTSCH-EINS');
    expect(build.stderr).toMatch(/\.openpublishing\.redirection\.json:5:5: warning: redirect from en\/a\/one\.md, which is a page of this site.*\[redirect-shadowed\]/);
    expect(build.stderr).toMatch(/\.openpublishing\.redirection\.json:6:5: warning: redirect entry without source_path and redirect_url.*\[redirect-invalid\]/);
    expect(sitemap).not.toContain('/a/old/');
  });
});
