/**
 * The iframe page and postMessage protocol v1 across three origins: the built site (the builder), a
 * host page on a second origin that embeds it and speaks the protocol as the Embed page shows, and a
 * third origin, framed by the same host, that tries to drive and read the builder and must be
 * ignored. Also: the iframe page's 20 KB budget, measured on what the browser really fetches, and no
 * inline script or style in the built pages of the embed kit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePageWeight } from '../../scripts/measure/page-weight.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

type Message = { origin: string; data: { type: string; [key: string]: unknown } };

/** The host side, as the Embed page documents it, recording what it receives. */
const HOST_JS = `
const params = new URLSearchParams(location.search);
const builderOrigin = params.get('widget');
const frame = document.createElement('iframe');
frame.title = 'MdePartner User-Agent';
frame.src = builderOrigin + '/embed/ua-builder/v1/?origin=' + encodeURIComponent(params.get('claim') || location.origin);
frame.allow = 'clipboard-write';
frame.width = '600';
const intruder = document.createElement('iframe');
intruder.title = 'third party';
intruder.src = params.get('third') + '/';
window.received = [];
window.ignored = [];
window.ask = (requestId) => frame.contentWindow.postMessage({ mdeUa: { v: 1, type: 'getState', requestId } }, builderOrigin);
window.configure = (config) => frame.contentWindow.postMessage({ mdeUa: { v: 1, type: 'setConfig', config } }, builderOrigin);
addEventListener('message', (event) => {
  if (event.origin !== builderOrigin || event.source !== frame.contentWindow) {
    window.ignored.push(event.origin);
    return;
  }
  const message = event.data && event.data.mdeUa;
  if (!message || message.v !== 1) return;
  window.received.push({ origin: event.origin, data: message });
  if (message.type === 'ready') {
    frame.contentWindow.postMessage({ mdeUa: { v: 1, type: 'init', config: { lang: 'ja', company: 'Contoso', product: 'ContosoCognito' } } }, builderOrigin);
  } else if (message.type === 'resize' && Number.isFinite(message.height)) {
    frame.height = String(Math.ceil(message.height));
  }
});
document.body.append(frame, intruder);
`;

/** A third origin inside the same host page: it tries everything on its sibling, the builder. */
const THIRD_JS = `
window.heard = [];
addEventListener('message', (event) => window.heard.push(event.data));
const builder = parent.frames[0];
const attempt = () => {
  builder.postMessage({ mdeUa: { v: 1, type: 'init', config: { company: 'Evil' } } }, '*');
  builder.postMessage({ mdeUa: { v: 1, type: 'setConfig', config: { company: 'Evil', lang: 'de' } } }, '*');
  builder.postMessage({ mdeUa: { v: 1, type: 'getState', requestId: 'stolen' } }, '*');
  parent.postMessage({ mdeUa: { v: 1, type: 'change', value: 'MdePartner-Evil-X/1', valid: true } }, '*');
};
attempt();
window.attempts = 1;
const timer = setInterval(() => { attempt(); if (++window.attempts === 20) clearInterval(timer); }, 50);
`;

const page = (title: string, script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script type="module" src="${script}"></script></head><body><h1>${title}</h1></body></html>`;

describe.skipIf(!hasChromium)('the iframe page and postMessage protocol v1', () => {
  let browser: Browser;
  let widget: StaticServer;
  let host: StaticServer;
  let third: StaticServer;
  const dirs: string[] = [];

  const serveFiles = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'mde-ua-origin-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return serveStatic(dir);
  };

  beforeAll(async () => {
    widget = await serveStatic(E2E_DIST);
    host = await serveFiles({ 'index.html': page('Partner page', '/host.js'), 'host.js': HOST_JS });
    third = await serveFiles({ 'index.html': page('Third party', '/third.js'), 'third.js': THIRD_JS });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of [widget, host, third]) await server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const openHost = async (claim?: string): Promise<{ page: Page; builder: () => Frame; received: () => Promise<Message[]> }> => {
    const tab = await browser.newPage();
    const query = new URLSearchParams({ widget: widget.url, third: third.url, ...(claim ? { claim } : {}) });
    await tab.goto(`${host.url}/?${query}`);
    const builder = () => tab.frames().find((frame) => frame.url().startsWith(widget.url))!;
    await tab.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    await expect.poll(() => builder()?.url()).toBeTruthy();
    return { page: tab, builder, received: () => tab.evaluate(() => (window as unknown as { received: Message[] }).received) };
  };
  const types = (messages: Message[]) => messages.map((message) => message.data.type);

  it('exchanges ready, init, resize and change with the host, only with its origin', async () => {
    const { page: tab, builder, received } = await openHost();
    await expect.poll(async () => types(await received())).toContain('resize');
    const messages = await received();
    expect(types(messages)[0]).toBe('ready');
    expect(Object.keys(messages[0]!.data).sort()).toEqual(['type', 'v']);
    expect(new Set(messages.map((message) => message.origin))).toEqual(new Set([widget.url]));

    // init configured the builder: Japanese, and the fields the host gave.
    const frame = builder();
    await frame.waitForFunction(() => document.querySelector('mde-ua-builder')?.shadowRoot?.querySelector('label')?.textContent === '会社名');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await frame.locator('mde-ua-builder #company').inputValue()).toBe('Contoso');

    // The host sized the frame from resize; typing sends change with the value.
    const resized = messages.find((message) => message.data.type === 'resize')!.data.height as number;
    expect(resized).toBeGreaterThan(300);
    expect(await tab.locator('iframe').first().getAttribute('height')).toBe(String(Math.ceil(resized)));
    await frame.locator('mde-ua-builder #version').fill('1.0.0');
    await expect.poll(async () => (await received()).filter((message) => message.data.type === 'change').at(-1)?.data).toMatchObject({
      value: 'MdePartner-Contoso-ContosoCognito/1.0.0',
      valid: true,
      company: 'Contoso',
    });
    // More content, a new height.
    await frame.locator('mde-ua-builder #version').fill('1.0.0 beta');
    await expect.poll(async () => (await received()).filter((message) => message.data.type === 'resize').length).toBeGreaterThan(1);

    // getState answers with the requestId; setConfig changes attributes.
    await tab.evaluate(() => (window as unknown as { configure(c: object): void }).configure({ snippets: 'curl,go', version: '2.0.0' }));
    await tab.evaluate(() => (window as unknown as { ask(id: string): void }).ask('q1'));
    await expect.poll(async () => (await received()).find((message) => message.data.type === 'state')?.data).toMatchObject({
      requestId: 'q1',
      state: { company: 'Contoso', product: 'ContosoCognito', version: '2.0.0', value: 'MdePartner-Contoso-ContosoCognito/2.0.0', valid: true, lang: 'ja' },
    });
    expect(await frame.locator('mde-ua-builder [role="tab"]').count()).toBe(2);
    await tab.close();
  });

  it('ignores every message from a third origin, before and after init, and never writes to it', async () => {
    const { page: tab, builder, received } = await openHost();
    const thirdFrame = () => tab.frames().find((frame) => frame.url().startsWith(third.url))!;
    await expect.poll(() => thirdFrame()?.evaluate(() => (window as unknown as { attempts: number }).attempts)).toBe(20);
    await expect.poll(async () => types(await received())).toContain('resize');
    const frame = builder();
    expect(await frame.locator('mde-ua-builder #company').inputValue()).toBe('Contoso');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await thirdFrame().evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    expect(types(await received())).not.toContain('state');
    // The host, for its part, ignored the third origin's forged change.
    expect(await tab.evaluate(() => (window as unknown as { ignored: string[] }).ignored)).toContain(third.url);
    await tab.close();
  });

  it('answers no init from an origin other than the one named in ?origin=', async () => {
    const { page: tab, builder, received } = await openHost(third.url);
    await builder().waitForFunction(() => document.querySelector('mde-ua-builder')?.shadowRoot?.getElementById('company'));
    await tab.waitForTimeout(800);
    expect(types(await received())).toEqual(['ready']);
    expect(await builder().locator('mde-ua-builder #company').inputValue()).toBe('');
    await tab.close();
  });

  it('costs at most 20 KB gzip, HTML, JS and CSS together, in English and in Japanese', async () => {
    for (const query of ['', '?lang=ja']) {
      const weight = await measurePageWeight(browser, widget.url, E2E_DIST, `/embed/ua-builder/v1/${query}`);
      expect(weight.files.map((file) => file.path)).toContain('/embed/ua-builder/v1/mde-ua-builder.js');
      expect(weight.totalGzip, JSON.stringify(weight.files)).toBeLessThanOrEqual(20 * 1024);
    }
  });

  it('has no inline script or style in the built iframe page and Embed pages', () => {
    for (const path of ['embed/ua-builder/v1/index.html', 'en/embed/index.html', 'ja/embed/index.html']) {
      const html = readFileSync(join(E2E_DIST, path), 'utf8');
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<style|\sstyle=/);
    }
  });
});
