/**
 * Diagnostics in colour on a terminal, plain everywhere else: the painting rule itself, then a command
 * run under a pseudo-terminal (util-linux `script`), piped, and with NO_COLOR, as a user would see it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourDiagnostics } from '../../scripts/terminal-colour.ts';

const ROOT = join(import.meta.dirname, '../..');
const tag = (style: unknown, text: string) => `<${String(style)}>${text}</>`;

describe('colourDiagnostics', () => {
  it('paints place, severity and rule of each diagnostic line, and nothing else', () => {
    const text = 'a b.md:3:14: warning: link text is empty [link-empty]\nbuild: 3 pages\nx.md:1:1: error: front matter: bad: yes [front-matter-yaml]';
    expect(colourDiagnostics(text, tag)).toBe(
      '<bold>a b.md:3:14</>: <yellow>warning</>: link text is empty<dim> [link-empty]</>\nbuild: 3 pages\n<bold>x.md:1:1</>: <red,bold>error</>: front matter: bad: yes<dim> [front-matter-yaml]</>',
    );
    expect(colourDiagnostics('p.md:2:1: info: generated id [heading-no-anchor]', tag)).toContain('<blue>info</>');
    expect(colourDiagnostics('not: a: diagnostic', tag)).toBe('not: a: diagnostic');
  });
});

describe('a command on a terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'colour-'));
  const page = join(dir, 'page.md');
  writeFileSync(page, '---\ntitle: T\ndescription: D\nms.contentlocale: fr-FR\n---\n# Titre\n\nVoir [](https://example.org/x).\n');
  const normalize = `npm run --silent normalize -- ${JSON.stringify(page)} > /dev/null`;
  // The test runner's own colour settings left out: the command decides from its terminal. CI machines
  // run without TERM (and often with CI set), where Node rightly sees no colours; a user's terminal has TERM.
  const { NO_COLOR: _n, FORCE_COLOR: _f, NODE_DISABLE_COLORS: _d, CI: _c, TERM: _t, ...plainEnv } = process.env;
  const underTerminal = (env: Record<string, string> = {}) =>
    spawnSync('script', ['-qec', normalize, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...plainEnv, TERM: 'xterm-256color', ...env } });

  it('colours the severity on a terminal; piped or with NO_COLOR the line is plain', () => {
    const tty = underTerminal();
    expect(tty.status, tty.stderr).toBe(0);
    // A warning, in yellow (SGR 33), its place in bold (SGR 1).
    expect(tty.stdout).toMatch(/\u001b\[1m[^\n]*page\.md:8:6\u001b\[22m: \u001b\[33mwarning\u001b\[39m: /);
    const noColour = underTerminal({ NO_COLOR: '1' });
    expect(noColour.stdout).toMatch(/page\.md:8:6: warning: /);
    expect(noColour.stdout).not.toContain('\u001b[');
    // A terminal that says it has no colours (TERM=dumb, as Emacs' shell) gets plain lines too.
    expect(underTerminal({ TERM: 'dumb' }).stdout).not.toContain('\u001b[');
    const piped = spawnSync('sh', ['-c', normalize], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...plainEnv, FORCE_COLOR: '1' } });
    expect(piped.stderr).toMatch(/page\.md:8:6: warning: /);
    // Not a terminal: plain even when FORCE_COLOR asks (editors and CI read these lines).
    expect(piped.stderr).not.toContain('\u001b[');
  });
});
