/**
 * The standalone module on another site: a host page served from a second origin, under a strict
 * Content-Security-Policy (scripts from the widget's origin only, no 'unsafe-inline' anywhere), loads
 * `/embed/ua-builder/v1/mde-ua-builder.js` from the built site and the builder works there, in
 * Japanese (a language chunk from the widget's origin) and in English, checker included, with no
 * policy violation. A probe shows the policy is really enforced.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

type Recorded = { directive: string; blocked: string }[];

describe.skipIf(!hasChromium)('the standalone element on another origin under a strict CSP', () => {
  let browser: Browser;
  let widget: StaticServer;
  let host: StaticServer;
  let hostDir: string;

  beforeAll(async () => {
    // Module scripts from another origin are fetched with CORS: the widget's host must allow it.
    widget = await serveStatic(E2E_DIST, { 'access-control-allow-origin': '*' });
    hostDir = mkdtempSync(join(tmpdir(), 'mde-ua-host-'));
    writeFileSync(
      join(hostDir, 'index.html'),
      `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Partner host page</title>
<script type="module" src="${widget.url}/embed/ua-builder/v1/mde-ua-builder.js"></script>
</head>
<body>
<main>
<h1>Our integration guide</h1>
<mde-ua-builder id="ja" lang="ja"><p>User-Agent: MdePartner-{CompanyName}-{ProductName}/{Version}</p></mde-ua-builder>
<mde-ua-builder id="en" url-state mode="validate"></mde-ua-builder>
</main>
</body>
</html>`,
    );
    host = await serveStatic(hostDir, {
      'content-security-policy': `default-src 'self'; script-src ${widget.url}; style-src 'self'; object-src 'none'; base-uri 'none'`,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await widget?.close();
    rmSync(hostDir, { recursive: true, force: true });
  });

  const openHost = async (): Promise<Page> => {
    const page = await browser.newPage();
    // Init scripts run through DevTools, outside the page's policy: they only listen.
    await page.addInitScript(() => {
      const recorded: { directive: string; blocked: string }[] = [];
      (window as unknown as { violations: typeof recorded }).violations = recorded;
      document.addEventListener('securitypolicyviolation', (event) => recorded.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
    });
    await page.goto(`${host.url}/?mdeua-company=Contoso`);
    return page;
  };
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: Recorded }).violations);

  it('loads from the widget origin, speaks Japanese, builds and checks, with no violation', async () => {
    const page = await openHost();
    expect(new URL(page.url()).origin).not.toBe(widget.url);
    const ja = page.locator('#ja');
    await page.waitForFunction(() => document.getElementById('ja')?.shadowRoot?.querySelector('label')?.textContent === '会社名');
    // Fallback gone once defined: the shadow root has no slot for it.
    expect(await page.evaluate(() => document.querySelector('#ja > p')!.checkVisibility())).toBe(false);
    await ja.locator('#company').fill('Contoso');
    await ja.locator('#product').fill('ContosoCognito');
    await ja.locator('#version').fill('1.0.0');
    expect(await ja.locator('#value').textContent()).toBe('MdePartner-Contoso-ContosoCognito/1.0.0');
    await ja.locator('#company').fill('Contoso Ltd');
    expect(await ja.locator('#company-m li').first().textContent()).toContain('空白があると値が 2 つに分かれます');
    // The styles arrived as a constructable sheet: the error border is drawn.
    expect(await ja.locator('#company').evaluate((input) => getComputedStyle(input).borderTopWidth)).toBe('2px');

    // The checker fetches the parser and the Japanese checker words from the widget origin too.
    await ja.locator('#check').fill('MdePartner-Contoso-Ltd-Cognito/1.0.0');
    await expect.poll(() => ja.locator('#check-m li').first().textContent()).toContain('2 通り以上に読めます');

    const en = page.locator('#en');
    await page.waitForFunction(() => document.getElementById('en')?.shadowRoot?.getElementById('check'));
    await en.locator('#check').fill('MdePartner-Contoso-ContosoCognito/1.0.0');
    await expect.poll(() => en.locator('#check-m li').first().textContent()).toBe('NoteValid: Contoso / ContosoCognito / 1.0.0');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('is under a policy that does block inline code (the probe is refused)', async () => {
    const page = await openHost();
    await page.waitForFunction(() => customElements.get('mde-ua-builder'));
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      const styled = document.createElement('p');
      styled.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(styled);
      return [(window as unknown as { inlineRan?: boolean }).inlineRan === true, getComputedStyle(styled).color];
    });
    expect(ran[0]).toBe(false);
    expect(ran[1]).not.toBe('rgb(255, 0, 0)');
    await expect.poll(async () => (await violations(page)).map((v) => v.directive).sort()).toEqual(['script-src-elem', 'style-src-attr']);
    await page.close();
  });
});
