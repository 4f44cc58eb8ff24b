/** The static server as a host serves: pages by folder, its language's 404, nothing outside, text gzipped for a client that asks. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../scripts/static-server.ts';

let server: StaticServer;
const PAGE = `<!doctype html><title>a</title>${'<p>text</p>'.repeat(200)}`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'ja/404'), { recursive: true });
  mkdirSync(join(dir, 'pagefind'));
  writeFileSync(join(dir, 'a/index.html'), PAGE);
  writeFileSync(join(dir, 'ja/404/index.html'), '<p>見つかりません</p>');
  writeFileSync(join(dir, 'pagefind/x.pf_fragment'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  server = await serveStatic(dir);
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });

describe('serveStatic', () => {
  it('gzips text for a client that accepts it, and only then', async () => {
    const zipped = await get('/a/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(PAGE);
    expect(zipped.body.length).toBeLessThan(PAGE.length / 4);
    const plain = await get('/a/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
  });
  it("leaves Pagefind's own compressed files as they are", async () => {
    const r = await get('/pagefind/x.pf_fragment', { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect([...r.body]).toEqual([0x1f, 0x8b, 1, 2, 3]);
  });
  it("redirects a folder without its slash, and answers a missing page with its language's 404", async () => {
    expect((await get('/a')).status).toBe(301);
    const missing = await get('/ja/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('見つかりません');
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
