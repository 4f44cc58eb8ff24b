/**
 * Adding a locale is adding a file: a span-wrapped nl-NL source from the real-world corpus dropped into
 * a copy of content/source builds into Dutch pages with English UI strings and a build warning that
 * its UI strings are missing. No code changes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const NL = join(ROOT, '../shared/corpus/become-partner.nl-NL.6bc6f6d1.md');

describe.skipIf(!existsSync(NL))('a new locale by dropping a file', () => {
  it('gets its pages, English UI strings and a warning', { timeout: 300_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'new-locale-'));
    const content = join(work, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    copyFileSync(NL, join(content, 'source/become-partner/nl-NL.md'));
    const out = join(work, 'dist');
    const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', content, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/locale nl-NL has no UI strings in locales\/nl\/: its pages use the English UI/);
    const html = readFileSync(join(out, 'nl/become-partner/index.html'), 'utf8');
    expect(html).toContain('<html lang="nl" dir="ltr">');
    expect(html).toContain('On this page');
    expect(html).toMatch(/<h1 id="become-a-microsoft-defender-for-endpoint-partner"[^>]*>Microsoft Defender voor Eindpunt-partner worden/);
    // The other locales link to it, and the sitemap lists it with its hreflang.
    expect(readFileSync(join(out, 'fr/become-partner/index.html'), 'utf8')).toContain('hreflang="nl-NL"');
    expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).toContain('hreflang="nl-NL"');
    expect(existsSync(join(out, 'pagefind'))).toBe(true);
  });
});
