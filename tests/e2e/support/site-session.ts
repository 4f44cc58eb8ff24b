/**
 * The built site served on 127.0.0.1 and one Chromium, for the tests of one describe block: started
 * before them, stopped after. `session.browser` and `session.url` are ready inside the tests.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { E2E_DIST } from './built-site.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export interface SiteSession {
  readonly browser: Browser;
  readonly url: string;
  /** A site path opened in a fresh browser context (close it with `page.context().close()`). */
  open(path: string, options?: BrowserContextOptions): Promise<Page>;
}

export function useSiteSession(dir = E2E_DIST): SiteSession {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async open(path: string, options: BrowserContextOptions = {}) {
      const page = await (await this.browser.newContext(options)).newPage();
      await page.goto(this.url + path);
      return page;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started (use the session inside tests)');
      return browser;
    },
    get url() {
      if (!server) throw new Error('the server is not started (use the session inside tests)');
      return server.url;
    },
  };
}
