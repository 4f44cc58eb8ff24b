/**
 * The CLI run as a real process through its documented entry point (`npm run --silent ua -- …`):
 * stdout JSON, exit codes 0/1/2, and --jsonl answering line by line in order.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildUserAgent, parseUserAgent, renderSnippet } from '../../../src/ua/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function ua(args: string[], input?: string) {
  const run = spawnSync('npm', ['run', '--silent', 'ua', '--', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  // npm's own configuration warnings are not the CLI's output.
  const stderr = run.stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
  return { code: run.status, stdout: run.stdout, stderr };
}

const CONTOSO = ['--company', 'Contoso', '--product', 'ContosoCognito', '--version', '1.0.0'];

describe('ua CLI', () => {
  it('build --json prints the core result and exits 0 when valid', () => {
    const run = ua(['build', ...CONTOSO, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(buildUserAgent({ company: 'Contoso', product: 'ContosoCognito', version: '1.0.0' }));
  });

  it('build prints only the value on stdout', () => {
    const run = ua(['build', '--company=Contoso', '--product', 'ContosoCognito', '--version', '1.0.0-beta.2+exp.sha.5114f85']);
    expect(run).toMatchObject({ code: 0, stdout: 'MdePartner-Contoso-ContosoCognito/1.0.0-beta.2+exp.sha.5114f85\n' });
  });

  it('build lists the problems in English and exits 1 when invalid; a value may start with "-"', () => {
    const run = ua(['build', '--company', '-Contoso Ltd', '--product', 'Cognito', '--version', '1.0.0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error company: contains a hyphen "-" (U+002D) at character 1');
    expect(run.stderr).toContain('[E_SPACE]');
    expect(run.stderr).toContain('company="ContosoLtd"');
    const json = ua(['build', '--company', 'Contoso\r\nX-Injected: 1', '--product', 'Cognito', '--version', '1.0.0', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, value: null, fields: { company: { errors: [{ code: 'E_CRLF' }] } } });
  });

  it('parse --json prints the core result; exit 0 valid, 1 invalid', () => {
    const valid = ua(['parse', 'User-Agent: MdePartner-Contoso-ContosoCognito/1.0.0', '--json']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual(parseUserAgent('User-Agent: MdePartner-Contoso-ContosoCognito/1.0.0'));
    const invalid = ua(['parse', '--json', 'MdePartner-Contoso-ContosoCognito/1.0.0(Windows)']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ ok: false, diags: [{ code: 'P_SYNTAX', level: 'error', at: 39 }] });
  });

  it('parse prints the three parts when valid', () => {
    const run = ua(['parse', 'MdePartner-Contoso-ContosoCognito/1.0.0 python-requests/2.31.0']);
    expect(run).toMatchObject({ code: 0, stdout: 'company: Contoso\nproduct: ContosoCognito\nversion: 1.0.0\n' });
    expect(run.stderr).toContain('[P_EXTRA_ITEMS]');
  });

  it('snippet prints the code, or {ok:false} without code when invalid', () => {
    const curl = ua(['snippet', 'curl', '--company', "O'Brien&Co", '--product', 'Cognito', '--version', '1.0.0']);
    expect(curl.code).toBe(0);
    expect(curl.stdout).toBe(
      `curl -A 'MdePartner-O'\\''Brien&Co-Cognito/1.0.0' -H "Authorization: Bearer $TOKEN" https://api.security.microsoft.com/api/machines\n`,
    );
    const json = ua(['snippet', 'java', ...CONTOSO, '--json']);
    expect(JSON.parse(json.stdout)).toEqual(renderSnippet('java', { company: 'Contoso', product: 'ContosoCognito', version: '1.0.0' }));
    const invalid = ua(['snippet', 'python', '--company', 'Contoso', '--product', 'Cog nito', '--version', '1.0.0', '--json']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toStrictEqual({ ok: false });
  });

  it.each([
    [['frobnicate']],
    [[]],
    [['build', '--company', 'C', '--product', 'P']],
    [['build', ...CONTOSO, '--colour']],
    [['build', ...CONTOSO, 'extra']],
    [['build', '--company']],
    [['parse']],
    [['parse', 'a/1', '--company', 'C']],
    [['snippet', 'cobol', ...CONTOSO]],
    [['snippet', ...CONTOSO]],
    [['--jsonl', 'build']],
  ])('exits 2 with a usage line on stderr for %j', (args) => {
    const run = ua(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ua: .+\nusage: /);
  });

  it('--help prints the usage and exits 0', () => {
    const run = ua(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: /);
  });

  it('--jsonl answers each line in order, a malformed line with an error, and exits 1 if any is invalid', () => {
    const requests = [
      { op: 'build', company: 'Contoso', product: 'ContosoCognito', version: '1.0.0' },
      'not json',
      { op: 'parse', value: 'MdePartner-Contoso-Ltd-Cognito/1.0.0' },
      '',
      { op: 'snippet', lang: 'powershell', company: "O'Brien", product: 'P', version: '1' },
      { op: 'teleport' },
      { op: 'build', company: 42 },
      { op: 'parse' },
      [1, 2],
      { op: 'snippet', lang: 'cobol', company: 'C', product: 'P', version: '1' },
      { op: 'build', company: 'Contoso', product: 'Cognito', version: '1.0.0 beta' },
    ];
    const stdin = requests.map((request) => (typeof request === 'string' ? request : JSON.stringify(request))).join('\n');
    const run = ua(['--jsonl'], `${stdin}\n`);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(requests.length - 1); // the blank line is skipped
    expect(lines[0]).toEqual(buildUserAgent({ company: 'Contoso', product: 'ContosoCognito', version: '1.0.0' }));
    expect(lines[1]).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid JSON/) });
    expect(lines[2]).toEqual(parseUserAgent('MdePartner-Contoso-Ltd-Cognito/1.0.0'));
    expect(lines[3]).toEqual(renderSnippet('powershell', { company: "O'Brien", product: 'P', version: '1' }));
    for (const index of [4, 5, 6, 7, 8]) expect(lines[index]).toMatchObject({ ok: false, error: expect.any(String) });
    expect(lines[9]).toMatchObject({ ok: false, value: null, fields: { version: { suggestion: '1.0.0' } } });
  });

  it('--jsonl exits 0 when every request is valid', () => {
    const stdin = [
      JSON.stringify({ op: 'build', company: 'A', product: 'B', version: '1.0.0' }),
      JSON.stringify({ op: 'parse', value: 'MdePartner-A-B/1.0.0' }),
      JSON.stringify({ op: 'snippet', lang: 'go', company: 'A', product: 'B', version: '1.0.0' }),
    ].join('\r\n');
    const run = ua(['--jsonl'], stdin);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).ok)).toEqual([true, true, true]);
  });
});
