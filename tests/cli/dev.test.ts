/**
 * `mt-docs dev` as a team runs it in its own folder: it builds and serves the site, a changed source is
 * built again and open pages are told to reload, a broken source leaves the last good site served and
 * tells the pages it failed, and its own output never sets off another build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const page = (body: string) => `---\ntitle: Een\ndescription: D\nms.contentlocale: nl-NL\n---\n# <a name="een"></a>Een\n\n${body}\n`;

/** Lines of the dev server's --json output, as they arrive. */
function events(child: ChildProcess) {
  const seen: Record<string, unknown>[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      seen.push(JSON.parse(buffer.slice(0, i)));
      buffer = buffer.slice(i + 1);
    }
  });
  const next = async (name: string, after: number, timeoutMs = 90_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const found = seen.slice(after).find((e) => e.event === name);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no "${name}" event in ${timeoutMs} ms; saw ${JSON.stringify(seen)}`);
  };
  return { seen, next };
}

/** The server-sent events a page receives, by name. */
async function listen(url: string) {
  const received: string[] = [];
  const controller = new AbortController();
  const response = await fetch(`${url}__mt-docs/events`, { signal: controller.signal });
  const reader = response.body!.getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const m of Buffer.from(value).toString('utf8').matchAll(/^event: (\w+)$/gm)) received.push(m[1]!);
      }
    } catch {
      /* aborted */
    }
  })();
  return { received, stop: () => controller.abort() };
}

describe('mt-docs dev', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mt-docs-dev-'));
  mkdirSync(join(dir, 'repo/docs'), { recursive: true });
  writeFileSync(join(dir, 'repo/docs/docfx.json'), JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }));
  writeFileSync(join(dir, 'repo/docs/one.md'), page('EERSTE versie.'));
  writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] }, translatorPages: false }));
  const child = spawn(process.execPath, [join(ROOT, 'bin/mt-docs.js'), 'dev', '--port', '0', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const log = events(child);
  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('serves the built site with its reload script, rebuilds a changed source and tells open pages; a broken source keeps the last good site', { timeout: 240_000 }, async () => {
    const serving = (await log.next('serving', 0)) as { url: string; ok: boolean };
    expect(serving.ok, stderr).toBe(true);
    expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = await (await fetch(`${serving.url}nl/one/`)).text();
    expect(first).toContain('EERSTE versie.');
    expect(first).toContain('<script type="module" src="/__mt-docs/live.js"></script></head>');
    expect(await (await fetch(`${serving.url}__mt-docs/live.js`)).text()).toContain("new EventSource('/__mt-docs/events')");

    const sse = await listen(serving.url);
    const before = log.seen.length;
    writeFileSync(join(dir, 'repo/docs/one.md'), page('TWEEDE versie.'));
    const built = (await log.next('built', before)) as { changed: string[] };
    expect(built.changed).toEqual([join(dir, 'repo/docs/one.md')]);
    expect(await (await fetch(`${serving.url}nl/one/`)).text()).toContain('TWEEDE versie.');
    await expect.poll(() => sse.received).toContain('reload');

    // Its own output (dist/ and the folders the build swaps it through) starts no build of its own.
    await new Promise((r) => setTimeout(r, 2000));
    expect(log.seen.slice(before).filter((e) => e.event === 'built')).toHaveLength(1);

    const beforeBroken = log.seen.length;
    writeFileSync(join(dir, 'repo/docs/one.md'), '---\ndescription: no title\nms.contentlocale: nl-NL\n---\n# x\n');
    await log.next('failed', beforeBroken);
    expect(stderr).toMatch(/repo\/docs\/one\.md:\d+:\d+: error: /);
    expect(await (await fetch(`${serving.url}nl/one/`)).text()).toContain('TWEEDE versie.');
    await expect.poll(() => sse.received).toContain('failed');
    sse.stop();
  });

  it('keeps watching when its first build fails, and serves the site once the source is fixed', { timeout: 240_000 }, async () => {
    const broken = mkdtempSync(join(tmpdir(), 'mt-docs-dev-broken-'));
    mkdirSync(join(broken, 'repo/docs'), { recursive: true });
    writeFileSync(join(broken, 'repo/docs/docfx.json'), JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }));
    writeFileSync(join(broken, 'repo/docs/one.md'), '---\ndescription: no title\nms.contentlocale: nl-NL\n---\n# x\n');
    writeFileSync(join(broken, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://t.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: ['repo/docs'] }, translatorPages: false }));
    const dev = spawn(process.execPath, [join(ROOT, 'bin/mt-docs.js'), 'dev', '--port', '0', '--json'], { cwd: broken, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const log2 = events(dev);
      const serving = (await log2.next('serving', 0)) as { url: string; ok: boolean };
      expect(serving.ok).toBe(false);
      expect((await fetch(`${serving.url}nl/one/`)).status).toBe(404);
      writeFileSync(join(broken, 'repo/docs/one.md'), page('HERSTELD.'));
      await log2.next('built', 0);
      const fixed = await fetch(`${serving.url}nl/one/`);
      expect(fixed.status).toBe(200);
      expect(await fixed.text()).toContain('HERSTELD.');
    } finally {
      dev.kill('SIGTERM');
    }
  });
});
