/**
 * The normalize CLI run as a user runs it (`npm run --silent normalize -- …`), as a process: output
 * formats, diagnostics on stderr, exit codes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtPage } from '../support/pages.ts';

const ROOT = join(import.meta.dirname, '../..');
const SOURCE = 'content/source/become-partner';

function normalize(...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'normalize', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n') };
}

describe('normalize CLI', () => {
  it('prints clean Markdown by default, with diagnostics on stderr in file:line:column form', () => {
    const r = normalize(`${SOURCE}/fr-FR.md`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Devenir un partenaire Microsoft Defender pour Points de terminaison {#become-a-microsoft-defender-for-endpoint-partner}');
    expect(r.stdout).not.toMatch(/data-ttu-id|\[!INCLUDE|<a name=/);
    expect(r.stderr).toContain(`${SOURCE}/fr-FR.md:28:11: warning: include not found in this site: ../../includes/microsoft-defender.md ("Microsoft 365 Defender rebranding") [include-missing]`);
  });

  it('is idempotent: its own output normalises to itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'normalize-'));
    for (const locale of ['ja-JP', 'ko-KR']) {
      const once = normalize(`${SOURCE}/${locale}.md`).stdout;
      writeFileSync(join(dir, `${locale}.md`), once);
      expect(normalize(join(dir, `${locale}.md`)).stdout, locale).toBe(once);
    }
  });

  it('prints the document model as JSON', () => {
    const r = normalize(`${SOURCE}/ko-KR.md`, '--format', 'json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['locale', 'meta', 'headings', 'segments', 'messages']);
    expect(json.locale).toBe('ko-KR');
    expect(json.meta).toMatchObject({ handoff: '2021-04-20', translationType: 'MT', sourceCommit: '55791ddab9ae484f76b30f0470eec8a4cf7b46d1' });
    expect(json.headings[0]).toEqual({ depth: 1, id: 'become-a-microsoft-defender-for-endpoint-partner', text: expect.any(String) });
    expect(json.segments).toHaveLength(36);
    expect(Object.keys(json.segments[0])).toEqual(['id', 'n', 'target', 'source']);
    expect(json.messages[0]).toEqual({ ruleId: 'include-missing', severity: 'warning', line: 28, column: 11, reason: expect.any(String) });
  });

  it('rebuilds the English with --format en, and refuses a file without span pairs', () => {
    const fr = normalize(`${SOURCE}/fr-FR.md`, '--format', 'en');
    const ko = normalize(`${SOURCE}/ko-KR.md`, '--format', 'en');
    expect(fr.status).toBe(0);
    expect(fr.stdout).toContain('## Step 1: Subscribe to a Microsoft Defender for Endpoint Developer license {#step-1');
    expect(fr.stdout).toContain('ms.contentlocale: en');
    const body = (s: string) => s.slice(s.indexOf('\n---\n'));
    expect(body(fr.stdout)).toBe(body(ko.stdout));
    const ja = normalize(`${SOURCE}/ja-JP.md`, '--format', 'en');
    expect(ja.status).toBe(1);
    expect(ja.stdout).toBe('');
    expect(ja.stderr).toContain(`${SOURCE}/ja-JP.md:1:1: error: this file has no MT span pairs`);
  });

  it('exits 1 naming file, line and problem for bad input, and 2 for bad usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'normalize-'));
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: X\nms.contentlocale: fr_FR\n---\n# T\n');
    const bad = normalize(join(dir, 'bad.md'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.md:3:1: error: ms\.contentlocale: "fr_FR" is not a BCP 47 language tag \[locale-not-bcp47\]/);
    expect(bad.stdout).toBe('');
    const missing = normalize(join(dir, 'nope.md'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.md:1:1: error: cannot read file: .*nope\.md does not exist \[not-found\]/);
    expect(normalize().status).toBe(2);
    expect(normalize(`${SOURCE}/fr-FR.md`, '--format', 'xml').status).toBe(2);
    expect(normalize('--bogus').status).toBe(2);
  });
});

describe('normalize <dir>', () => {
  const tree = () => {
    const dir = mkdtempSync(join(tmpdir(), 'normalize-tree-'));
    mkdirSync(join(dir, 'a/includes'), { recursive: true });
    writeFileSync(join(dir, 'a/one.md'), mtPage('Een', 'Tekst <span data-ttu-id="x-1">vertaald</span><span class="sxs-lookup"><span data-stu-id="x-1">translated</span></span>.\n\n[!INCLUDE [n](includes/note.md)]'));
    writeFileSync(join(dir, 'a/includes/note.md'), '---\nms.topic: include\n---\nINCLUDED-NOTE');
    writeFileSync(join(dir, 'a/broken.md'), '---\ndescription: no title\nms.contentlocale: nl-NL\n---\n# x\n');
    writeFileSync(join(dir, 'two.md'), mtPage('Twee', 'Gewoon.'));
    return dir;
  };

  it('normalises every page below it (not the includes), says each file’s problems and a summary, exit 1 on an error', () => {
    const dir = tree();
    const r = normalize(dir, '--json');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; errors: number; locale: string });
    expect(lines.map((l) => l.file.split('/').slice(-2).join('/'))).toEqual(['a/broken.md', 'a/one.md', expect.stringMatching(/two\.md$/)]);
    expect(lines.find((l) => l.file.endsWith('broken.md'))?.errors).toBe(1);
    expect(r.stderr).toMatch(/a\/broken\.md:\d+:\d+: error: front matter is missing the required key `title` \[front-matter-required\]/);
    expect(r.stderr).toContain('3 files: 1 with errors (1 errors)');
  });

  it('--out writes the clean tree, includes expanded without their front matter, the broken page left out', () => {
    const dir = tree();
    const out = join(mkdtempSync(join(tmpdir(), 'normalize-out-')), 'clean');
    const r = normalize(dir, '--out', out);
    expect(r.status).toBe(1);
    const one = readFileSync(join(out, 'a/one.md'), 'utf8');
    expect(one).toContain('Tekst vertaald.');
    expect(one).toContain('INCLUDED-NOTE');
    expect(one).not.toMatch(/ms\.topic|data-ttu-id/);
    expect(existsSync(join(out, 'a/broken.md'))).toBe(false);
    expect(existsSync(join(out, 'two.md'))).toBe(true);
  });
});
